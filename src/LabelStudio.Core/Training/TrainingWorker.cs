using LabelStudio.Core.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Training;

/// <summary>Runs due trainings one project at a time.</summary>
public sealed class TrainingWorker(
    TrainingScheduler scheduler,
    TrainingLock trainingLock,
    TrainingRunner runner,
    IOptions<TrainingOptions> options,
    ILogger<TrainingWorker> logger) : PollingWorker<int>(scheduler.WakeUps, logger)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken) =>
        trainingLock.DueProjectsAsync(cancellationToken);

    protected override Task RunJobAsync(int projectId, CancellationToken cancellationToken) =>
        runner.RunIfDueAsync(projectId, cancellationToken);
}
