namespace LabelStudio.Core.Media;

/// <summary>
/// One image ready to write: its source path, the name people see (<paramref name="ItemName"/>: the path
/// without a class folder kept as a hidden answer), its processed files and what it is labeled.
/// </summary>
internal sealed record ImageRow(
    string RelativePath,
    string ItemName,
    string FileName,
    ProcessedImage Image,
    string? Label,
    string? GroundTruth,
    IReadOnlyDictionary<string, string?> Extras);
