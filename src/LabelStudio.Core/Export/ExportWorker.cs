using LabelStudio.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Export;

/// <summary>Runs queued exports one at a time and deletes export files past their retention period.</summary>
public sealed class ExportWorker(ExportJobService jobs, ExportRunner runner, ILogger<ExportWorker> logger)
    : PollingWorker<int>(jobs.WakeUps, logger)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    protected override async Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken)
    {
        await runner.DeleteExpiredAsync(cancellationToken);
        return await runner.DueJobsAsync(cancellationToken);
    }

    protected override Task RunJobAsync(int jobId, CancellationToken cancellationToken) =>
        runner.RunAsync(jobId, cancellationToken);
}
