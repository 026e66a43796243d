namespace LabelStudio.Core.Import;

public enum TableFileFormat
{
    Delimited,
    JsonLines,

    /// <summary>A Label Studio JSON export: an array of tasks with their annotations.</summary>
    LabelStudioJson,
}

/// <summary>What the parser chose (or was told), so the UI can show it and offer to override it.</summary>
/// <param name="EncodingName">The encoding's web name, e.g. <c>utf-8</c>, <c>utf-16</c>, <c>windows-1252</c>.</param>
/// <param name="Delimiter">The field separator; <c>null</c> for JSONL and for a one-column delimited file.</param>
public sealed record DetectedFormat(
    TableFileFormat Format,
    string EncodingName,
    bool HasByteOrderMark,
    char? Delimiter)
{
    public override string ToString()
    {
        var encoding = HasByteOrderMark ? $"{EncodingName} with BOM" : EncodingName;
        var shape = Delimiter switch
        {
            null when Format == TableFileFormat.JsonLines => "JSON lines",
            null when Format == TableFileFormat.LabelStudioJson => "Label Studio tasks",
            null => "one column",
            '\t' => "tab-separated",
            { } d => $"'{d}'-separated",
        };
        return $"{shape}, {encoding}";
    }
}
