using LabelStudio.Core.Import;

namespace LabelStudio.Cli.Simulate;

internal static class ColumnLookup
{
    /// <summary>The index of a column the user named, or a one-line error listing what the file has.</summary>
    public static int Require(ParsedTable table, string name, string option)
    {
        var index = table.IndexOf(name);
        if (index >= 0)
        {
            return index;
        }

        var sameButCase = table.Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        var hint = sameButCase is null
            ? $"the columns are {string.Join(", ", table.Columns.Select(c => $"'{c}'"))}"
            : $"did you mean '{sameButCase}'? (names are case-sensitive)";
        throw new CliInputException($"{table.FileName}: no column '{name}' for {option}; {hint}.");
    }
}
