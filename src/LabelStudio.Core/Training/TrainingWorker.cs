using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Training;

/// <summary>
/// Runs due trainings one at a time in the background. It wakes when a request is made in this
/// process and also polls, so requests from another instance or left over from a crash are picked up.
/// </summary>
public sealed partial class TrainingWorker(
    TrainingScheduler scheduler,
    TrainingLock trainingLock,
    TrainingRunner runner,
    IOptions<TrainingOptions> options,
    ILogger<TrainingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var projectId in await trainingLock.DueProjectsAsync(stoppingToken))
                {
                    await runner.RunIfDueAsync(projectId, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed(exception);
            }

            await scheduler.WakeUps.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training loop failed; retrying at the next poll")]
    private partial void LogLoopFailed(Exception exception);
}
