namespace LabelStudio.Core.Import;

/// <summary>
/// The id and label columns a file itself names, so the import page starts from them instead of
/// making every column a feature: a label column left as a feature shows annotators the answers.
/// </summary>
public sealed record ColumnProposal(string? IdColumn, string? LabelColumn)
{
    public static readonly ColumnProposal None = new(null, null);

    /// <summary>
    /// A Label Studio export names its columns by format (the task id first, the chosen class last, as
    /// the API import uses them). Any other file gets a label column only when every value of one column
    /// is a class of the project: a column named "class" alone may be a school class, so that stays a hint.
    /// </summary>
    public static ColumnProposal For(ParsedTable table, IReadOnlyCollection<string> projectClasses)
    {
        if (table.Format.Format == TableFileFormat.LabelStudioJson)
        {
            return new(table.Columns[0], table.Columns[^1]);
        }

        var known = projectClasses.Select(c => c.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var label = known.Count == 0
            ? null
            : table.Columns.Where((_, i) => HoldsOnlyClasses(table, i, known)).FirstOrDefault();
        return label is null ? None : new(null, label);
    }

    private static bool HoldsOnlyClasses(ParsedTable table, int index, HashSet<string> known)
    {
        var present = table.Rows.Select(r => r.Values[index]).Where(v => !CellValue.IsMissing(v)).ToList();
        return present.Count > 0 && present.All(v => known.Contains(v!.Trim()));
    }
}
