using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LabelStudio.Core.Data;

/// <summary>
/// Sets per-connection SQLite options: a busy timeout so concurrent writers wait instead of failing,
/// and NORMAL sync, which is durable under WAL against process crashes.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

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
