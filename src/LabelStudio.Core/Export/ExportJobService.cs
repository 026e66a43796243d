using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Jobs;
using LabelStudio.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Export;

/// <summary>
/// The requesting side of exports, shared by the export page, the API and the CLI: queue an export,
/// watch its progress, find its file. <see cref="ExportRunner"/> does the work in the background.
/// </summary>
public sealed class ExportJobService(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    TimeProvider clock)
{
    internal WakeSignal WakeUps { get; } = new();

    /// <exception cref="ExportRequestException">The options are unusable or the project does not exist.</exception>
    public async Task<ExportJob> StartAsync(
        int projectId, ExportOptions options, string? userId, CancellationToken cancellationToken)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ExportRequestException(problems);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kind = await db.Projects.Where(p => p.Id == projectId).Select(p => (DataKind?)p.DataKind)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ExportRequestException([$"project: {projectId} does not exist."]);
        if (options.Format == ExportFormat.MediaFolder && kind == DataKind.Table)
        {
            throw new ExportRequestException(
                ["format: media-folder exports the files of image and audio projects; this project holds table rows."]);
        }

        var job = new ExportJob
        {
            ProjectId = projectId,
            OptionsJson = options.ToJson(),
            Status = ExportStatus.Queued,
            Message = JobMessages.Waiting,
            CreatedById = userId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        WakeUps.Wake();
        return job;
    }

    public async Task<ExportJob?> GetAsync(int jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
    }

    /// <summary>The project's latest exports, newest first.</summary>
    public async Task<IReadOnlyList<ExportJob>> RecentAsync(
        int projectId, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ExportJobs.AsNoTracking()
            .Where(j => j.ProjectId == projectId)
            .OrderByDescending(j => j.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The finished export's ZIP on disk, or null while it runs, after it failed or expired.</summary>
    public string? FilePath(ExportJob job)
    {
        if (job.Status != ExportStatus.Succeeded || job.StoredPath is null)
        {
            return null;
        }
        var path = Path.Combine(dataDirectory.Root, job.StoredPath);
        return File.Exists(path) ? path : null;
    }

    public static ExportOptions OptionsOf(ExportJob job) => ExportOptions.FromJson(job.OptionsJson);
}
