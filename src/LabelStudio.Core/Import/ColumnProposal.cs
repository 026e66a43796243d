namespace LabelStudio.Core.Import;

/// <summary>
/// The id and label columns a file itself names, so the import page starts from them instead of
/// making every column a feature: a label column left as a feature shows annotators the answers.
/// </summary>
/// <param name="Reason">Why, in words the page shows after "chosen because".</param>
public sealed record ColumnProposal(
    string? IdColumn, string? LabelColumn, string Reason = "", LabelMode LabelMode = LabelMode.ImportAsLabels)
{
    public static readonly ColumnProposal None = new(null, null);

    /// <summary>
    /// A Label Studio export names its columns by format (the task id first, the chosen class last, as
    /// the API import uses them). Any other file gets a label column when it has the name of the label
    /// column of the project's last import (used the same way), or when every value of one column is a
    /// class of the project. A column named "class" alone may be a school class, so that stays a hint.
    /// </summary>
    /// <param name="lastImport">The label column and mode of the project's last import, if it had one.</param>
    public static ColumnProposal For(
        ParsedTable table, IReadOnlyCollection<string> projectClasses, ColumnProposal? lastImport = null)
    {
        if (table.Format.Format == TableFileFormat.LabelStudioJson)
        {
            return new(table.Columns[0], table.Columns[^1], "Label Studio exports put the task id and answer there");
        }

        var sameAsLast = table.Columns.FirstOrDefault(
            c => string.Equals(c, lastImport?.LabelColumn, StringComparison.OrdinalIgnoreCase));
        if (sameAsLast is not null)
        {
            return new(null, sameAsLast, "the project's last import used a column of that name", lastImport!.LabelMode);
        }

        var known = projectClasses.Select(c => c.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var label = known.Count == 0
            ? null
            : table.Columns.Where((_, i) => HoldsOnlyClasses(table, i, known)).FirstOrDefault();
        return label is null ? None : new(null, label, "every value in it is one of the project's classes");
    }

    private static bool HoldsOnlyClasses(ParsedTable table, int index, HashSet<string> known)
    {
        var present = table.Rows.Select(r => r.Values[index]).Where(v => !CellValue.IsMissing(v)).ToList();
        return present.Count > 0 && present.All(v => known.Contains(v!.Trim()));
    }
}
