using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// A large SQLite page cache for the length of one import's transaction. With the default 2 MB,
/// a large import's index pages no longer fit, and SQLite spills and rereads them mid-transaction.
/// The connection goes back to the pool with the default size, so idle connections stay small.
/// </summary>
internal sealed class ImportPageCache : IAsyncDisposable
{
    // Negative sizes are in KiB: 256 MB while importing, SQLite's default of 2 MB afterwards.
    private const string Enlarge = "PRAGMA cache_size = -262144";
    private const string Restore = "PRAGMA cache_size = -2000";

    private readonly AppDbContext _db;

    private ImportPageCache(AppDbContext db) => _db = db;

    public static async Task<ImportPageCache> EnlargeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(Enlarge, cancellationToken);
        return new ImportPageCache(db);
    }

    public async ValueTask DisposeAsync() => await _db.Database.ExecuteSqlRawAsync(Restore);
}
