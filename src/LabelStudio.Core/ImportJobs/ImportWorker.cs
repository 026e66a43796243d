using LabelStudio.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.ImportJobs;

/// <summary>Runs queued imports one at a time and sweeps uploads nobody imported.</summary>
public sealed class ImportWorker(
    ImportJobService jobs, ImportRunner runner, UploadCleaner uploads, ILogger<ImportWorker> logger)
    : PollingWorker<int>(jobs.WakeUps, logger)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    protected override async Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken)
    {
        await uploads.SweepIfDueAsync(cancellationToken);
        return await runner.DueJobsAsync(cancellationToken);
    }

    protected override Task RunJobAsync(int jobId, CancellationToken cancellationToken) =>
        runner.RunAsync(jobId, cancellationToken);
}
