using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LabelStudio.Core.Data;

/// <summary>
/// Sets per-connection SQLite options: a busy timeout so concurrent writers wait instead of failing,
/// NORMAL sync, which is durable under WAL against process crashes, and memory-mapped reads.
/// </summary>
/// <remarks>
/// Every committed write makes the other pooled connections drop their page caches, and with twenty
/// annotators writing that is every request: without the map each read then copies its pages from
/// the file with a system call (a tenth of the server's CPU under the API benchmark).
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
