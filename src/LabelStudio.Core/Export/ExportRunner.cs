using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export.Writers;
using LabelStudio.Core.Jobs;
using LabelStudio.Core.Storage;
using LabelStudio.Core.Teams;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Export;

/// <summary>
/// Runs one queued export: streams the rows into a ZIP in the data directory (data file,
/// <c>manifest.json</c>, <c>classes.json</c>), reporting progress on the job row. The ZIP is
/// written under a temporary name and renamed when complete, so a download never sees half a file.
/// </summary>
public sealed partial class ExportRunner(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    ExportPlanner planner,
    IOptions<StorageOptions> storage,
    ActivityLog activity,
    TimeProvider clock,
    ILogger<ExportRunner> logger)
{
    private const int BatchSize = 1024;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Queued exports, plus running ones whose process died (their heartbeat stopped).</summary>
    public async Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken)
    {
        var staleBefore = clock.GetUtcNow() - StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ExportJobs
            .Where(j => j.Status == ExportStatus.Queued
                || (j.Status == ExportStatus.Running && j.HeartbeatAt < staleBefore))
            .OrderBy(j => j.Id)
            .Select(j => j.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Runs the export if still due; returns the job as it ended, or null when another run has it.</summary>
    public async Task<ExportJob?> RunAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await ClaimAsync(jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var stored = Path.Combine("exports", $"export-{job.Id}.zip");
        var target = Path.Combine(dataDirectory.Root, stored);
        var partial = target + ".partial";
        var scratch = Path.Combine(dataDirectory.Exports, $"export-{job.Id}.scratch");
        try
        {
            var started = Stopwatch.StartNew();
            Directory.CreateDirectory(scratch);
            var manifest = await WritePackageAsync(job, partial, scratch, cancellationToken);
            File.Move(partial, target, overwrite: true);
            await SucceedAsync(job, stored, manifest, new FileInfo(target).Length);
            LogExported(
                job.ProjectId, job.Id, manifest.Counts.Rows, manifest.Options.Format, started.Elapsed.TotalSeconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, job.ProjectId, job.Id);
            File.Delete(partial);
            await FailAsync(job.Id, $"The export stopped: {exception.Message}");
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
        return await GetAsync(job.Id);
    }

    /// <summary>Deletes export files older than the retention period and marks their jobs expired.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - storage.Value.ExportRetention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = await db.ExportJobs
            .Where(j => j.Status == ExportStatus.Succeeded && j.CompletedAt < before)
            .ToListAsync(cancellationToken);
        foreach (var job in expired)
        {
            if (job.StoredPath is not null)
            {
                File.Delete(Path.Combine(dataDirectory.Root, job.StoredPath));
            }
            job.Status = ExportStatus.Expired;
            job.Message = "Deleted after the retention period";
            job.StoredPath = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (expired.Count > 0)
        {
            LogExpired(expired.Count);
        }
        return expired.Count;
    }

    private async Task<ExportManifest> WritePackageAsync(
        ExportJob job, string path, string scratch, CancellationToken cancellationToken)
    {
        var options = ExportJobService.OptionsOf(job);
        var plan = await planner.PlanAsync(job.ProjectId, options, cancellationToken);
        var progress = new ProgressWriter(this, job.Id, plan.ExpectedEvents);

        await using var file = File.Create(path);
        await using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
        {
            ExportCounts counts;
            string dataEntry;
            await using (var writer = ExportWriters.Create(plan.Schema, new ExportTarget(archive, scratch)))
            {
                dataEntry = writer.DataEntry;
                counts = await WriteRowsAsync(plan, writer, progress, cancellationToken);
                await progress.ReportAsync(0.95, "Finishing the file", cancellationToken);
                await writer.CompleteAsync(cancellationToken);
            }

            var manifest = plan.Manifest(job, clock.GetUtcNow(), counts, dataEntry);
            await AddJsonAsync(archive, ExportManifest.EntryName, manifest, cancellationToken);
            await AddJsonAsync(archive, ExportManifest.ClassesEntryName, manifest.Classes, cancellationToken);
            return manifest;
        }
    }

    private static async Task<ExportCounts> WriteRowsAsync(
        ExportPlan plan, IExportWriter writer, ProgressWriter progress, CancellationToken cancellationToken)
    {
        long rows = 0, items = 0, labels = 0, skips = 0;
        long? lastItem = null;
        var batch = new List<ExportRecord>(BatchSize);
        await foreach (var record in plan.Rows(cancellationToken).WithCancellation(cancellationToken))
        {
            batch.Add(record);
            rows++;
            items += record.ItemId == lastItem ? 0 : 1;
            lastItem = record.ItemId;
            if (record.Decision.ClassName is null)
            {
                skips++;
            }
            else
            {
                labels++;
            }
            if (batch.Count == BatchSize)
            {
                await plan.Enricher.EnrichAsync(batch, cancellationToken);
                await writer.WriteAsync(batch, cancellationToken);
                batch.Clear();
                await progress.MaybeReportAsync(plan.EventsRead, cancellationToken);
            }
        }
        await plan.Enricher.EnrichAsync(batch, cancellationToken);
        await writer.WriteAsync(batch, cancellationToken);
        return new ExportCounts(rows, items, labels, skips);
    }

    private static async Task AddJsonAsync<T>(
        ZipArchive archive, string name, T value, CancellationToken cancellationToken)
    {
        await using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        await JsonSerializer.SerializeAsync(stream, value, ExportManifest.Json, cancellationToken);
    }

    private async Task<ExportJob?> ClaimAsync(int jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.ExportJobs
            .Where(j => j.Id == jobId && (j.Status == ExportStatus.Queued
                || (j.Status == ExportStatus.Running && j.HeartbeatAt < staleBefore)))
            .ExecuteUpdateAsync(j => j
                .SetProperty(x => x.Status, ExportStatus.Running)
                .SetProperty(x => x.Message, JobMessages.Starting)
                .SetProperty(x => x.HeartbeatAt, now), cancellationToken);
        return claimed == 0
            ? null
            : await db.ExportJobs.AsNoTracking().FirstAsync(j => j.Id == jobId, cancellationToken);
    }

    private async Task ReportAsync(int jobId, double fraction, string message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Progress, fraction)
            .SetProperty(x => x.Message, message)
            .SetProperty(x => x.HeartbeatAt, now), cancellationToken);
    }

    private async Task SucceedAsync(ExportJob job, string stored, ExportManifest manifest, long bytes)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        var fileName = $"{SafeName(manifest.ProjectName)}-export-{job.Id}-{now:yyyyMMdd-HHmm}.zip";
        await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, ExportStatus.Succeeded)
            .SetProperty(x => x.Progress, 1)
            .SetProperty(x => x.Message, $"{manifest.Counts.Rows:N0} rows")
            .SetProperty(x => x.StoredPath, stored)
            .SetProperty(x => x.FileName, fileName)
            .SetProperty(x => x.RowCount, manifest.Counts.Rows)
            .SetProperty(x => x.ByteCount, bytes)
            .SetProperty(x => x.CompletedAt, now));
        var kind = await db.Projects.Where(p => p.Id == job.ProjectId).Select(p => p.DataKind)
            .FirstAsync(CancellationToken.None);
        var format = ExportFormatNames.Display(manifest.Options.Format, kind);
        await activity.RecordAsync(job.ProjectId, ActivityType.Export, job.CreatedById,
            $"Exported {manifest.Counts.Rows:N0} rows as {format}", CancellationToken.None);
    }

    private async Task FailAsync(int jobId, string message)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        await db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, ExportStatus.Failed)
            .SetProperty(x => x.Message, message)
            .SetProperty(x => x.CompletedAt, now));
    }

    private async Task<ExportJob?> GetAsync(int jobId)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        return await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId);
    }

    /// <summary>A project name reduced to characters every file system and header accepts.</summary>
    public static string SafeName(string name)
    {
        var kept = new string(name
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')
            .ToArray());
        var collapsed = string.Join('-', kept.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? "project" : collapsed;
    }

    /// <summary>Writes progress at most a few times a second; it doubles as the job's heartbeat.</summary>
    private sealed class ProgressWriter(ExportRunner runner, int jobId, long expectedEvents)
    {
        private long _lastWrite = Stopwatch.GetTimestamp();

        public async Task MaybeReportAsync(long eventsRead, CancellationToken cancellationToken)
        {
            if (Stopwatch.GetElapsedTime(_lastWrite) < ProgressInterval)
            {
                return;
            }
            var fraction = expectedEvents == 0 ? 0 : Math.Min(0.95, 0.95 * eventsRead / expectedEvents);
            await ReportAsync(fraction, $"Writing rows: {eventsRead:N0} of {expectedEvents:N0} decisions read",
                cancellationToken);
        }

        public async Task ReportAsync(double fraction, string message, CancellationToken cancellationToken)
        {
            _lastWrite = Stopwatch.GetTimestamp();
            await runner.ReportAsync(jobId, fraction, message, cancellationToken);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Project {ProjectId}: export {ExportId} wrote {RowCount} rows as {Format} in {Seconds:F2} s")]
    private partial void LogExported(int projectId, int exportId, long rowCount, ExportFormat format, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Project {ProjectId}: export {ExportId} failed")]
    private partial void LogFailed(Exception exception, int projectId, int exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} export files past their retention period")]
    private partial void LogExpired(int count);
}
