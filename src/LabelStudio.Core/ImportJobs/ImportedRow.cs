namespace LabelStudio.Core.ImportJobs;

/// <summary>One row ready to be written: its identity, original values, label or hidden answer, and features.</summary>
internal sealed record ImportedRow(
    long Line,
    string ExternalId,
    string DataJson,
    string? Label,
    string? GroundTruth,
    string?[] FeatureValues);
