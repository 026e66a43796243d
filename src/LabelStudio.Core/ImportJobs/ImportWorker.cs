using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.ImportJobs;

/// <summary>Runs queued imports one at a time, woken by new uploads and polling for left-over ones.</summary>
public sealed partial class ImportWorker(
    ImportJobService jobs,
    ImportRunner runner,
    ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var jobId in await runner.DueJobsAsync(stoppingToken))
                {
                    await runner.RunAsync(jobId, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed(exception);
            }

            await jobs.WakeUps.WaitAsync(PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import loop failed; retrying at the next poll")]
    private partial void LogLoopFailed(Exception exception);
}
