using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.Jobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// The import page's side of an import: store the upload, preview it, and queue it with the
/// user's choices. The heavy work happens in <see cref="ImportRunner"/> on the background worker.
/// </summary>
public sealed class ImportJobService(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    IOptions<StorageOptions> options,
    IOptions<MediaOptions> mediaOptions,
    TimeProvider clock)
{
    private const int PreviewRows = 5;

    internal WakeSignal WakeUps { get; } = new();

    /// <summary>Copies the upload into the data directory; refuses files over the configured size.</summary>
    public async Task<ImportJob> UploadAsync(
        int projectId, string fileName, Stream content, string? userId, CancellationToken cancellationToken,
        IProgress<long>? bytesCopied = null)
    {
        var safeName = Path.GetFileName(fileName);
        var stored = Path.Combine("uploads", $"{Guid.NewGuid():N}{Path.GetExtension(safeName).ToLowerInvariant()}");
        var limit = options.Value.MaxUploadBytes;
        try
        {
            await using var file = File.Create(Path.Combine(dataDirectory.Root, stored));
            await CopyWithLimitAsync(content, file, limit, safeName, bytesCopied, cancellationToken);
        }
        catch
        {
            File.Delete(Path.Combine(dataDirectory.Root, stored));
            throw;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = new ImportJob
        {
            ProjectId = projectId,
            FileName = safeName,
            StoredPath = stored,
            Status = JobStatus.Uploaded,
            CreatedById = userId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>
    /// Reads the stored file and proposes column types; a file that cannot be read comes back with its errors.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(
        int jobId, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var job = await GetAsync(jobId, cancellationToken)
            ?? throw new InvalidOperationException($"Import {jobId} does not exist.");
        try
        {
            var table = await ImportFiles.ParseAsync(dataDirectory, job, progress, cancellationToken);
            var classes = await ClassNamesAsync(job.ProjectId, cancellationToken);
            var lastImport = await LastLabelColumnAsync(job.ProjectId, cancellationToken);
            return new ImportPreview(job.FileName, table.Format.ToString(), table.Rows.Count,
                ColumnTypeInference.Infer(table), table.Rows.Take(PreviewRows).ToList(), [],
                ColumnProposal.For(table, classes, lastImport));
        }
        catch (ImportFailedException failure)
        {
            return new ImportPreview(job.FileName, "", 0, [], [], failure.Errors);
        }
    }

    /// <summary>
    /// Checks a plan against the stored file without writing anything, so the page can show problems first.
    /// </summary>
    public async Task<ImportPlanValidation> CheckAsync(
        int jobId, TableImportPlan plan, CancellationToken cancellationToken)
    {
        var job = await GetAsync(jobId, cancellationToken)
            ?? throw new InvalidOperationException($"Import {jobId} does not exist.");
        var table = await ImportFiles.ParseAsync(dataDirectory, job, progress: null, cancellationToken);
        var classes = await ClassNamesAsync(job.ProjectId, cancellationToken);
        return ImportPlanValidator.Validate(table, plan, classes);
    }

    /// <summary>How the project's last successful table import used its label column, if it had one.</summary>
    private async Task<ColumnProposal?> LastLabelColumnAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var planJson = await db.ImportJobs
            .Where(j => j.ProjectId == projectId && j.Status == JobStatus.Succeeded && j.PlanJson != null)
            .OrderByDescending(j => j.Id)
            .Select(j => j.PlanJson)
            .FirstOrDefaultAsync(cancellationToken);
        var plan = planJson is null ? null : ImportRequest.FromJson(planJson).Plan;
        return plan?.LabelColumn is { } label ? new ColumnProposal(null, label, LabelMode: plan.LabelMode) : null;
    }

    private async Task<List<string>> ClassNamesAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LabelClasses.Where(c => c.ProjectId == projectId).Select(c => c.Name)
            .ToListAsync(cancellationToken);
    }

    public Task StartAsync(int jobId, ImportRequest request, CancellationToken cancellationToken) =>
        QueueAsync(jobId, request.ToJson(), cancellationToken);

    /// <summary>Queues an image import of an uploaded ZIP, or of a configured server folder.</summary>
    public Task StartMediaAsync(int jobId, MediaImportRequest request, CancellationToken cancellationToken) =>
        QueueAsync(jobId, request.ToJson(), cancellationToken);

    /// <summary>Queues an uploaded (or failed) job with its plan and wakes the worker.</summary>
    private async Task QueueAsync(int jobId, string planJson, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.ImportJobs
            .Where(j => j.Id == jobId && (j.Status == JobStatus.Uploaded || j.Status == JobStatus.Failed))
            .ExecuteUpdateAsync(j => j
                .SetProperty(x => x.Status, JobStatus.Queued)
                .SetProperty(x => x.PlanJson, planJson)
                .SetProperty(x => x.Progress, 0)
                .SetProperty(x => x.Message, JobMessages.Waiting)
                .SetProperty(x => x.ErrorsJson, (string?)null), cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Import {jobId} has already started.");
        }
        WakeUps.Wake();
    }

    /// <summary>
    /// A job for importing a server folder: it has nothing uploaded, only the folder's configured name,
    /// which the worker resolves again when it runs.
    /// </summary>
    public async Task<ImportJob> CreateFolderJobAsync(
        int projectId, string folderName, string? userId, CancellationToken cancellationToken)
    {
        if (ImportFolders.Resolve(mediaOptions.Value, folderName) is null)
        {
            throw new ImportFailedException([new ImportError(folderName, null, null, "No such import folder.")]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = new ImportJob
        {
            ProjectId = projectId,
            FileName = folderName,
            StoredPath = "",
            Status = JobStatus.Uploaded,
            CreatedById = userId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public async Task<ImportJob?> GetAsync(int jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
    }

    public async Task<IReadOnlyList<ImportJob>> RecentAsync(
        int projectId, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ImportJobs.AsNoTracking()
            .Where(j => j.ProjectId == projectId && j.Status != JobStatus.Uploaded)
            .OrderByDescending(j => j.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    private static async Task CopyWithLimitAsync(
        Stream source,
        Stream target,
        long limit,
        string fileName,
        IProgress<long>? bytesCopied,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new ImportFailedException(
                    [new ImportError(fileName, null, null, UploadLimit.TooLarge(fileName, limit))]);
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            bytesCopied?.Report(total);
        }
    }
}
