namespace LabelStudio.Core.Projects;

/// <summary>Where a project stands, for the status line and the project page.</summary>
public sealed record ProjectStatus(
    int ItemCount,
    int LabeledCount,
    int LabelEventCount,
    int Round,
    int? ModelVersion,
    double? EstimatedAccuracy,
    TrainingStatus Training,
    FeatureStatus? Features = null)
{
    public int LeftCount => ItemCount - LabeledCount;
}

/// <summary>The background trainer as the lead sees it.</summary>
public sealed record TrainingStatus(
    bool IsRunning,
    bool IsQueued,
    string Phase,
    double Progress,
    string? LastError,
    DateTimeOffset? LastErrorAt);

/// <summary>
/// How far the featurize job has come on a media project, and which embedder made the vectors:
/// ResNet18, or the cheap fallback when the network could not load. <paramref name="Waiting"/> says why new
/// images get no features while the project's own embedder cannot load.
/// </summary>
public sealed record FeatureStatus(int MediaCount, int WithFeatures, string? Embedder, string? Waiting = null)
{
    public bool IsComplete => WithFeatures >= MediaCount;
    public double Progress => MediaCount == 0 ? 1 : (double)WithFeatures / MediaCount;
}
