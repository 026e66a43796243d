namespace LabelStudio.Core.Media;

/// <summary>One image ready to write: its source name, its processed files and what it is labeled.</summary>
internal sealed record ImageRow(
    string RelativePath,
    string FileName,
    ProcessedImage Image,
    string? Label,
    string? GroundTruth,
    IReadOnlyDictionary<string, string?> Extras);
