namespace LabelStudio.Core.Projects;

public sealed record ProjectSummary(
    int Id,
    string Name,
    string Description,
    int ItemCount,
    int LabeledCount,
    int? ModelVersion,
    double? EstimatedAccuracy);
