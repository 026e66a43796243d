namespace LabelStudio.Core.Media;

/// <summary>One image or clip ready to write: its source name, its processed files and what it is labeled.</summary>
internal sealed record MediaRow(
    string RelativePath,
    string FileName,
    ProcessedMedia Media,
    string? Label,
    string? GroundTruth,
    IReadOnlyDictionary<string, string?> Extras);
