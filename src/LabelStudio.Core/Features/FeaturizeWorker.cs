using LabelStudio.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Features;

/// <summary>Computes media features in the background, a project at a time: embeds images, scales clips.</summary>
public sealed class FeaturizeWorker(ImageFeaturizer images, AudioFeaturizer audio, ILogger<FeaturizeWorker> logger)
    : PollingWorker<FeaturizeWorker.Job>(images.WakeUps, logger)
{
    public sealed record Job(int ProjectId, bool IsAudio);

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(10);

    protected override async Task<IReadOnlyList<Job>> DueJobsAsync(CancellationToken cancellationToken) =>
    [
        .. (await audio.DueProjectsAsync(cancellationToken)).Select(id => new Job(id, IsAudio: true)),
        .. (await images.DueProjectsAsync(cancellationToken)).Select(id => new Job(id, IsAudio: false)),
    ];

    protected override Task RunJobAsync(Job job, CancellationToken cancellationToken) => job.IsAudio
        ? audio.RunAsync(job.ProjectId, cancellationToken)
        : images.RunAsync(job.ProjectId, cancellationToken);
}
