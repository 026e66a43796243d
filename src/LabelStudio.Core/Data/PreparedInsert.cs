using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace LabelStudio.Core.Data;

/// <summary>
/// One prepared INSERT run once per row inside the context's current transaction. Bulk writes of
/// tens of thousands of rows (imports, rankings) go through here rather than the change tracker,
/// which would take seconds. It binds and steps SQLite's statement directly: ADO.NET's command
/// builds a reader and re-checks its parameters on every run, which cost more than the insert itself.
/// </summary>
internal sealed class PreparedInsert : IAsyncDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int _columnCount;

    private PreparedInsert(sqlite3 database, sqlite3_stmt statement, int columnCount)
    {
        _database = database;
        _statement = statement;
        _columnCount = columnCount;
    }

    /// <summary>Prepares the insert on the connection of the context's open transaction.</summary>
    public static Task<PreparedInsert> CreateAsync(
        AppDbContext db, string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = ((SqliteConnection)db.Database.GetDbConnection()).Handle
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction, on its open connection.");
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var holes = string.Join(", ", columns.Select((_, i) => $"?{i + 1}"));
        var result = raw.sqlite3_prepare_v2(
            database, $"INSERT INTO \"{table}\" ({names}) VALUES ({holes})", out var statement);
        SqliteException.ThrowExceptionForRC(result, database);
        return Task.FromResult(new PreparedInsert(database, statement, columns.Count));
    }

    /// <summary>
    /// Runs the insert for one row. Synchronous on purpose: SQLite does its work synchronously
    /// anyway, and a task per row would cost more than the row.
    /// </summary>
    public void Execute(params object?[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, _columnCount);
        for (var i = 0; i < values.Length; i++)
        {
            SqliteException.ThrowExceptionForRC(Bind(i + 1, values[i]), _database);
        }

        Step();
    }

    /// <summary>
    /// Sets one column (0-based) of the next row without boxing it; <see cref="Step"/> then inserts
    /// the row. For the hottest bulk writes, where an object array and boxed numbers per row were
    /// most of the garbage a retrain made.
    /// </summary>
    public void Set(int column, long value) =>
        SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(_statement, Column(column), value), _database);

    /// <inheritdoc cref="Set(int, long)"/>
    public void Set(int column, double value) =>
        SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_double(_statement, Column(column), value), _database);

    /// <summary>Inserts the row whose columns were set, and clears the statement for the next one.</summary>
    public void Step()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private int Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _columnCount);
        return column + 1;
    }

    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        float number => raw.sqlite3_bind_double(_statement, index, number),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        _ => throw new ArgumentException($"Cannot store a {value.GetType().Name} in column {index}.", nameof(value)),
    };
}
