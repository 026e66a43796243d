using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>
/// Records the queries the product sends while recording is on, then asks SQLite how it would run
/// each of them (EXPLAIN QUERY PLAN with the same parameters), so a test can assert which indexes
/// a step uses instead of timing it.
/// </summary>
internal sealed class QueryPlans : DbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedQuery> _queries = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        var text = command.CommandText.TrimStart();
        if (_recording && text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            var parameters = command.Parameters.Cast<DbParameter>()
                .Select(p => (p.ParameterName, p.Value))
                .ToList();
            _queries.Enqueue(new RecordedQuery(text, parameters));
        }
        return ValueTask.FromResult(result);
    }

    /// <summary>Every recorded query with the lines of its plan.</summary>
    public async Task<IReadOnlyList<QueryPlan>> ExplainAsync(TestDatabase database)
    {
        var file = Path.Combine(database.Root, "labelstudio.db");
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var plans = new List<QueryPlan>();
        foreach (var query in _queries)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + query.Text;
            foreach (var (name, value) in query.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }
            plans.Add(new QueryPlan(query.Text, lines));
        }
        return plans;
    }

    private sealed record RecordedQuery(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);
}

/// <summary>One query and how SQLite runs it, one line per step.</summary>
internal sealed record QueryPlan(string Sql, IReadOnlyList<string> Lines)
{
    public override string ToString() => $"{Sql}\n  -> {string.Join("\n  -> ", Lines)}";
}
