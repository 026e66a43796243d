using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LabelStudio.Core.Data;

/// <summary>
/// One prepared INSERT run once per row inside the context's current transaction. Bulk writes of
/// tens of thousands of rows (imports, rankings) go through here rather than the change tracker,
/// which would take seconds.
/// </summary>
internal sealed class PreparedInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    private PreparedInsert(DbCommand command, DbParameter[] parameters)
    {
        _command = command;
        _parameters = parameters;
    }

    public static async Task<PreparedInsert> CreateAsync(
        AppDbContext db, string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var holes = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({holes})";

        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        return new PreparedInsert(command, parameters);
    }

    /// <summary>
    /// Runs the insert for one row. Synchronous on purpose: SQLite's provider completes async calls
    /// synchronously anyway, and the task per row cost a third of a large import's write time.
    /// </summary>
    public void Execute(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
