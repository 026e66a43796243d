using System.Diagnostics;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Import;
using LabelStudio.Core.Jobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Storage;
using LabelStudio.Core.Teams;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// Runs one queued import: read the whole file, check every row against the plan, featurize, and
/// write items, features, labels and the queue in a single transaction. Any problem fails the job
/// with every error found and leaves the project exactly as it was.
/// </summary>
public sealed partial class ImportRunner(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    ImportWriter writer,
    MediaImportRunner media,
    ImageFeaturizer featurizer,
    FeatureStore featureStore,
    TrainingScheduler scheduler,
    ActivityLog activity,
    UploadCleaner uploads,
    TimeProvider clock,
    ILogger<ImportRunner> logger)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>Queued imports, plus running ones whose process died (their heartbeat stopped).</summary>
    public async Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken)
    {
        var staleBefore = clock.GetUtcNow() - StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ImportJobs
            .Where(j => j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.HeartbeatAt < staleBefore))
            .OrderBy(j => j.Id)
            .Select(j => j.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<ImportJob?> RunAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await ClaimAsync(jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var progress = new JobProgress(contexts, clock, jobId);
        try
        {
            var kind = await KindAsync(job.ProjectId, cancellationToken);
            var imported = kind == DataKind.Table
                ? await ImportAsync(job, progress, cancellationToken)
                : await ImportMediaAsync(job, kind, progress, cancellationToken);
            LogImported(job.ProjectId, imported, job.FileName);
            await activity.RecordAsync(job.ProjectId, ActivityType.Import, job.CreatedById,
                $"Imported {job.FileName}: {Counted.Of(imported, "item")}", cancellationToken);
        }
        catch (ImportFailedException failure)
        {
            LogRejected(job.ProjectId, job.FileName, failure.Errors.Count);
            await FailAsync(jobId, failure.Errors);
            await activity.RecordAsync(job.ProjectId, ActivityType.Import, job.CreatedById,
                $"Import of {job.FileName} refused: {Counted.Of(failure.Errors.Count, "problem")}, nothing written",
                CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCrashed(exception, job.ProjectId, job.FileName);
            await FailAsync(
                jobId,
                [new ImportError(job.FileName, null, null, $"The import stopped unexpectedly: {exception.Message}")]);
        }

        // Finished either way: the items or the problem list are in the database, the file is not needed.
        uploads.DeleteUpload(job);
        return await GetAsync(jobId);
    }

    private async Task<int> ImportAsync(ImportJob job, JobProgress progress, CancellationToken cancellationToken)
    {
        // 1. Read the whole file (first 40% of the bar).
        await progress.ReportAsync(0, "Reading the file", cancellationToken);
        var table = await ImportFiles.ParseAsync(dataDirectory, job, progress.Scaled(0, 0.4), cancellationToken);

        // 2. Check the plan and every value against it.
        await progress.ReportAsync(0.4, "Checking every row", cancellationToken);
        var request = ImportRequest.FromJson(job.PlanJson);
        var plan = request.PlanFor(table);
        var classes = await ClassNamesAsync(job.ProjectId, cancellationToken);
        var validation = ImportPlanValidator.Validate(table, plan, classes);
        if (validation.Errors.Count > 0 || (validation.UnknownClasses.Count > 0 && !request.AddMissingClasses))
        {
            throw new ImportFailedException([.. validation.Errors, .. validation.UnknownClassErrors()]);
        }
        var classLimits = ProjectRules.ClassLimitProblems(classes.Count, validation.UnknownClasses.Select(c => c.Name))
            .Select(problem => new ImportError(table.FileName, null, plan.LabelColumn, $"new classes: {problem}"))
            .ToList();
        if (classLimits.Count > 0)
        {
            throw new ImportFailedException(classLimits);
        }

        // 3. Featurize every item of the project, old and new, on one scale.
        await progress.ReportAsync(0.5, "Computing features", cancellationToken);
        var batch = await ImportBatch.PrepareAsync(
            contexts, job.ProjectId, table, plan, validation, cancellationToken);

        // 4. Write it all at once.
        await progress.ReportAsync(0.7, $"Writing {Counted.Of(batch.Rows.Count, "item")}", cancellationToken);
        var writing = Stopwatch.StartNew();
        await writer.WriteAsync(job, batch, validation.UnknownClasses.Select(c => c.Name).ToList(), cancellationToken);
        featureStore.Invalidate(job.ProjectId);
        LogWritten(job.ProjectId, batch.Rows.Count, writing.Elapsed.TotalSeconds);

        // New items need ranking by the current model, or by the one a running training is about to
        // publish: that run listed its pool before them and its ranking would leave them out.
        // Otherwise imported labels may complete a round.
        if (await HasModelOrRunningTrainingAsync(job.ProjectId, cancellationToken))
        {
            await scheduler.RequestAsync(job.ProjectId, cancellationToken);
        }
        else if (batch.Rows.Any(r => r.Label is not null))
        {
            await scheduler.OnLabelRecordedAsync(job.ProjectId, cancellationToken);
        }
        return batch.Rows.Count;
    }

    /// <summary>Images and clips get their vectors from the featurize worker, which this wakes.</summary>
    private async Task<int> ImportMediaAsync(
        ImportJob job, DataKind kind, JobProgress progress, CancellationToken cancellationToken)
    {
        var count = await media.ImportAsync(job, kind, progress, cancellationToken);
        featureStore.Invalidate(job.ProjectId);
        featurizer.Wake();
        return count;
    }

    private async Task<DataKind> KindAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.Where(p => p.Id == projectId).Select(p => p.DataKind)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<ImportJob?> ClaimAsync(int jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.ImportJobs
            .Where(j => j.Id == jobId &&
                (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.HeartbeatAt < staleBefore)))
            .ExecuteUpdateAsync(j => j
                .SetProperty(x => x.Status, JobStatus.Running)
                .SetProperty(x => x.Message, JobMessages.Starting)
                .SetProperty(x => x.HeartbeatAt, now), cancellationToken);
        return claimed == 0 ? null : await db.ImportJobs.AsNoTracking()
            .FirstAsync(j => j.Id == jobId, cancellationToken);
    }

    private async Task<bool> HasModelOrRunningTrainingAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ModelVersions.AnyAsync(m => m.ProjectId == projectId, cancellationToken)
            || await db.TrainingStates.AnyAsync(
                s => s.ProjectId == projectId && s.RunningSince != null, cancellationToken);
    }

    private async Task<IReadOnlyCollection<string>> ClassNamesAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LabelClasses.Where(c => c.ProjectId == projectId).Select(c => c.Name)
            .ToListAsync(cancellationToken);
    }

    private async Task FailAsync(int jobId, IReadOnlyList<ImportError> errors)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        var message = errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} problems found; nothing was imported.";
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, JobStatus.Failed)
            .SetProperty(x => x.Message, message)
            .SetProperty(x => x.ErrorsJson, JsonSerializer.Serialize(errors))
            .SetProperty(x => x.CompletedAt, now));
    }

    private async Task<ImportJob?> GetAsync(int jobId)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        return await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Project {ProjectId}: imported {ItemCount} items from {FileName}")]
    private partial void LogImported(int projectId, int itemCount, string fileName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Project {ProjectId}: wrote {ItemCount} items in {Seconds:F2} s")]
    private partial void LogWritten(int projectId, int itemCount, double seconds);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Project {ProjectId}: rejected {FileName} with {ErrorCount} problems")]
    private partial void LogRejected(int projectId, string fileName, int errorCount);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Project {ProjectId}: import of {FileName} crashed; nothing was written")]
    private partial void LogCrashed(Exception exception, int projectId, string fileName);
}
