namespace LabelStudio.Core.Projects;

/// <summary>Where a project stands, for the status line and the project page.</summary>
public sealed record ProjectStatus(
    int ItemCount,
    int LabeledCount,
    int LabelEventCount,
    int Round,
    int? ModelVersion,
    double? EstimatedAccuracy,
    TrainingStatus Training)
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
