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

    private bool _caughtUp;

    protected override async Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken)
    {
        if (!_caughtUp)
        {
            // Once per start: a crash may have come between a round's last label and its request.
            await scheduler.RequestOverdueRoundsAsync(cancellationToken);
            _caughtUp = true;
        }

        return await trainingLock.DueProjectsAsync(cancellationToken);
    }

    protected override Task RunJobAsync(int projectId, CancellationToken cancellationToken) =>
        runner.RunIfDueAsync(projectId, cancellationToken);
}
