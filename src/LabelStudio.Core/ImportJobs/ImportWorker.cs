using LabelStudio.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.ImportJobs;

/// <summary>Runs queued imports one at a time.</summary>
public sealed class ImportWorker(ImportJobService jobs, ImportRunner runner, ILogger<ImportWorker> logger)
    : PollingWorker<int>(jobs.WakeUps, logger)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    protected override Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken) =>
        runner.DueJobsAsync(cancellationToken);

    protected override Task RunJobAsync(int jobId, CancellationToken cancellationToken) =>
        runner.RunAsync(jobId, cancellationToken);
}
