namespace LabelStudio.Core.Media;

/// <summary>
/// One image or clip ready to write: its source path, the name people see (<paramref name="ItemName"/>: the
/// path without a class folder kept as a hidden answer), its processed files and what it is labeled.
/// </summary>
internal sealed record MediaRow(
    string RelativePath,
    string ItemName,
    string FileName,
    ProcessedMedia Media,
    string? Label,
    string? GroundTruth,
    IReadOnlyDictionary<string, string?> Extras);
