using LabelStudio.Core.Import;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Export;

/// <summary>
/// Reads a source cell as the kind the import gave its column, for the typed formats (Parquet,
/// JSON lines). Reading goes through <see cref="CellValue"/>, so a value counts as a number here
/// exactly when it did at import. A missing marker (NA, null…) is missing only in typed columns.
/// </summary>
internal static class SourceCell
{
    public static bool IsMissing(string? value, ColumnKind kind) =>
        CellValue.IsMissing(value) || IsTyped(kind) && CellValue.IsMissingMarker(value!);

    /// <summary>The number, or null when the cell is missing or is not a number.</summary>
    public static double? Number(string? value) =>
        value is not null && CellValue.TryParseNumber(value, out var number) ? number : null;

    /// <summary>The yes/no value, or null when the cell is missing or is not one.</summary>
    public static bool? Boolean(string? value) =>
        value is not null && CellValue.TryParseBoolean(value, out var flag) ? flag : null;

    /// <summary>The date as UTC (a value without an offset is UTC, as at import), or null.</summary>
    public static DateTime? Date(string? value) =>
        value is not null && CellValue.TryParseDate(value, out var date) ? date.UtcDateTime : null;

    private static bool IsTyped(ColumnKind kind) =>
        kind is ColumnKind.Number or ColumnKind.Boolean or ColumnKind.Date;
}
