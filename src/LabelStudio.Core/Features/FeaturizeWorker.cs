using LabelStudio.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Features;

/// <summary>Computes image features in the background, one project at a time.</summary>
public sealed class FeaturizeWorker(ImageFeaturizer featurizer, ILogger<FeaturizeWorker> logger)
    : PollingWorker<int>(featurizer.WakeUps, logger)
{
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(10);

    protected override Task<IReadOnlyList<int>> DueJobsAsync(CancellationToken cancellationToken) =>
        featurizer.DueProjectsAsync(cancellationToken);

    protected override Task RunJobAsync(int projectId, CancellationToken cancellationToken) =>
        featurizer.RunAsync(projectId, cancellationToken);
}
