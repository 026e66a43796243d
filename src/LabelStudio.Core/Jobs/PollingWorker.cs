using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Jobs;

/// <summary>
/// A background worker that runs due jobs one at a time. It wakes when this process queues work
/// and also polls, so work queued by another instance or left over from a crash is picked up.
/// </summary>
public abstract class PollingWorker<TJob>(WakeSignal wakeUps, ILogger logger) : BackgroundService
{
    private static readonly Action<ILogger, string, Exception?> LogLoopFailed = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(1, "WorkerLoopFailed"), "{Worker} loop failed; retrying at the next poll");

    protected abstract TimeSpan PollInterval { get; }

    protected abstract Task<IReadOnlyList<TJob>> DueJobsAsync(CancellationToken cancellationToken);

    protected abstract Task RunJobAsync(TJob job, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var job in await DueJobsAsync(stoppingToken))
                {
                    await RunJobAsync(job, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed(logger, GetType().Name, exception);
            }

            await wakeUps.WaitAsync(PollInterval, stoppingToken);
        }
    }
}
