using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// Keeps data/uploads/ from growing for ever. An upload is deleted as soon as its import has finished,
/// succeeded or failed: items keep their data in the database and the job keeps its problem list, so
/// nothing reads the file again. Uploads nobody imported (a closed page) are swept once they are a day
/// old, at start-up and then hourly; files of queued or running jobs are never touched.
/// </summary>
public sealed partial class UploadCleaner(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    TimeProvider clock,
    ILogger<UploadCleaner> logger)
{
    public static readonly TimeSpan OrphanAge = TimeSpan.FromDays(1);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    private DateTimeOffset? _lastSweep;

    public void DeleteUpload(ImportJob job)
    {
        if (job.StoredPath.Length > 0)
        {
            File.Delete(Path.Combine(dataDirectory.Root, job.StoredPath));
        }
    }

    /// <summary>Sweeps when an hour has passed since the last sweep of this process (or never swept).</summary>
    public async Task SweepIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_lastSweep is { } last && now - last < SweepEvery)
        {
            return;
        }
        _lastSweep = now;
        await DeleteOrphansAsync(cancellationToken);
    }

    /// <summary>Deletes uploads older than <see cref="OrphanAge"/> that no queued or running import needs.</summary>
    public async Task<int> DeleteOrphansAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(dataDirectory.Root, "uploads");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var needed = (await db.ImportJobs
                .Where(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running)
                .Select(j => j.StoredPath)
                .ToListAsync(cancellationToken))
            .Select(p => Path.GetFileName(p))
            .ToHashSet(StringComparer.Ordinal);
        var before = clock.GetUtcNow() - OrphanAge;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < before.UtcDateTime && !needed.Contains(file.Name))
            {
                file.Delete();
                deleted++;
            }
        }
        if (deleted > 0)
        {
            LogSwept(deleted);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {FileCount} uploads older than a day")]
    private partial void LogSwept(int fileCount);
}
