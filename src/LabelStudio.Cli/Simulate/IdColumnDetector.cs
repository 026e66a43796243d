using LabelStudio.Core.Import;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// Finds a column that only names rows: its name says so ("Id", "penguin_id", "PenguinId") and no
/// two rows share a value. Such a column must not be a feature: files are often sorted by class,
/// so a row number would teach the model the file's order instead of the data.
/// </summary>
internal static class IdColumnDetector
{
    private static readonly string[] WholeNames = ["id", "uuid"];

    public static string? Detect(ParsedTable table, string labelColumn) =>
        table.Columns.FirstOrDefault(name =>
            name != labelColumn && NameSaysId(name) && EveryRowHasItsOwnValue(table, table.IndexOf(name)));

    public static bool NameSaysId(string name)
    {
        var text = name.Trim();
        if (WholeNames.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Length < 3 || !text.EndsWith("id", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "penguin_id", "penguin id", "penguin-id", or camel case "PenguinId" / "PenguinID" (not "Paid").
        var before = text[^3];
        return before is '_' or ' ' or '-' or '.' || (text[^2] == 'I' && char.IsLower(before));
    }

    private static bool EveryRowHasItsOwnValue(ParsedTable table, int column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var value = row.Values[column];
            if (CellValue.IsMissing(value) || !seen.Add(value!.Trim()))
            {
                return false;
            }
        }

        return true;
    }
}
