namespace LabelStudio.Core.Import;

/// <summary>Every column needs a name, and names must differ ignoring case and surrounding spaces.</summary>
internal static class HeaderValidator
{
    /// <param name="names">Column names, already trimmed.</param>
    /// <param name="lineOf">The line a column's name was read from.</param>
    public static void Check(IReadOnlyList<string> names, Func<int, long> lineOf, ErrorCollector errors)
    {
        var firstByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                errors.Add(lineOf(i), null, $"column {i + 1} has a blank name; every column needs one");
            }
            else if (!firstByName.TryAdd(names[i], i))
            {
                var first = firstByName[names[i]];
                errors.Add(
                    lineOf(i),
                    names[i],
                    $"column {i + 1} repeats the name of column {first + 1} ('{names[first]}'); "
                    + "names must differ, ignoring case");
            }
        }
    }
}
