namespace LabelStudio.Core.Import;

/// <summary>
/// A file read into memory: trimmed column names and one row per record. Empty cells are
/// <c>null</c>; every row has exactly <see cref="Columns"/>.Count values.
/// </summary>
public sealed record ParsedTable(
    string FileName,
    IReadOnlyList<string> Columns,
    IReadOnlyList<ParsedRow> Rows,
    DetectedFormat Format)
{
    /// <summary>The position of a column by its exact name, or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One record and the 1-based physical line it starts on, so errors can point at it.</summary>
public readonly record struct ParsedRow(long Line, string?[] Values);
