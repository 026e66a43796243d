using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>
/// Holds the first query that reads a given table until the test lets it go, so a test can put
/// another operation exactly between two steps of a real one. Everything else runs untouched.
/// </summary>
internal sealed class CommandGate : DbCommandInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _table;

    /// <summary>Completes when the held query arrives.</summary>
    public Task Reached => _reached.Task;

    public void HoldFirstReadOf(string table) => Volatile.Write(ref _table, $"FROM \"{table}\"");

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        var table = Volatile.Read(ref _table);
        if (table is not null && command.CommandText.Contains(table, StringComparison.Ordinal) &&
            Interlocked.CompareExchange(ref _table, null, table) == table)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        return result;
    }
}
