namespace LabelStudio.Core.Import;

/// <summary>
/// Proposes a kind for each column. Missing values are ignored. The order of the tests matters:
/// Boolean (two distinct values, one true one false, so 0/1 is Boolean), then Number, then Date,
/// then Category (few distinct short values), and Text for everything else.
/// </summary>
public static class ColumnTypeInference
{
    /// <summary>A category column has at most this many distinct values...</summary>
    public const int MaxCategories = 50;

    /// <summary>...at most one distinct value per two non-missing ones, and none longer than this.</summary>
    public const int MaxCategoryLength = 80;

    public static IReadOnlyList<ColumnProfile> Infer(ParsedTable table) =>
        [.. Enumerable.Range(0, table.Columns.Count).Select(column => InferColumn(table, column))];

    public static ColumnProfile InferColumn(ParsedTable table, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, table.Columns.Count);

        var stats = new ColumnStats();
        foreach (var row in table.Rows)
        {
            stats.Add(row.Values[column]);
        }

        return stats.ToProfile(table.Columns[column]);
    }
}
