using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Projects;

public sealed record ProjectSummary(
    int Id,
    string Name,
    DataKind Kind,
    string Description,
    int ItemCount,
    int LabeledCount,
    int? ModelVersion,
    double? EstimatedAccuracy);
