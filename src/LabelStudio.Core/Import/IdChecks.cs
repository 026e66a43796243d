namespace LabelStudio.Core.Import;

/// <summary>Every row needs an id, and no two rows may share one (compared after trimming).</summary>
internal static class IdChecks
{
    public static void Check(ParsedTable table, string column, ErrorCollector errors)
    {
        var index = table.IndexOf(column);
        var firstLineById = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (errors.IsFull)
            {
                return;
            }

            var value = row.Values[index];
            if (CellValue.IsMissing(value))
            {
                errors.Add(row.Line, column, "the id is missing; every row needs one");
            }
            else if (!firstLineById.TryAdd(value!.Trim(), row.Line))
            {
                var id = value.Trim();
                errors.Add(row.Line, column, $"the id '{id}' is already used on line {firstLineById[id]}");
            }
        }
    }
}
