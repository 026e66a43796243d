using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Import;

/// <summary>Checks a column's values against a kind the user chose, naming each bad value and its line.</summary>
public static class ColumnValueValidator
{
    private const int QuotedLength = 40;

    /// <summary>
    /// The first value that does not fit, or <c>null</c> when all do. Missing values always fit, and so
    /// do missing markers such as NA in number, date and yes/no columns.
    /// </summary>
    public static ImportError? FindFirstBadValue(ParsedTable table, string column, ColumnKind kind) =>
        FindBadValues(table, column, kind).FirstOrDefault();

    /// <summary>Every value that does not fit, lazily, in row order.</summary>
    public static IEnumerable<ImportError> FindBadValues(ParsedTable table, string column, ColumnKind kind)
    {
        var index = table.IndexOf(column);
        if (index < 0)
        {
            throw new ArgumentException($"{table.FileName} has no column '{column}'.", nameof(column));
        }

        return Scan(table, index, kind);
    }

    public static bool Fits(string? value, ColumnKind kind) => CellValue.IsMissing(value) || kind switch
    {
        ColumnKind.Number or ColumnKind.Boolean or ColumnKind.Date when CellValue.IsMissingMarker(value!) => true,
        ColumnKind.Number => CellValue.TryParseNumber(value!, out _),
        ColumnKind.Boolean => CellValue.TryParseBoolean(value!, out _),
        ColumnKind.Date => CellValue.TryParseDate(value!, out _),
        _ => true,
    };

    private static IEnumerable<ImportError> Scan(ParsedTable table, int index, ColumnKind kind)
    {
        foreach (var row in table.Rows)
        {
            var value = row.Values[index];
            if (!Fits(value, kind))
            {
                var message = $"'{Shorten(value!.Trim())}' {Expectation(kind)}";
                yield return new ImportError(table.FileName, row.Line, table.Columns[index], message);
            }
        }
    }

    private static string Expectation(ColumnKind kind) => kind switch
    {
        ColumnKind.Number => "is not a number",
        ColumnKind.Boolean => "is not a yes/no value (true/false, yes/no, y/n or 1/0)",
        _ => "is not a date (expected ISO 8601, like 2024-12-31 or 2024-12-31T08:30)",
    };

    private static string Shorten(string value) =>
        value.Length <= QuotedLength ? value : string.Concat(value.AsSpan(0, QuotedLength), "…");
}
