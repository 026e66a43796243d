using System.Globalization;

namespace LabelStudio.Ml.Tabular;

/// <summary>Reads cell strings. Null, empty and whitespace-only cells are missing.</summary>
internal static class CellParsers
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Day-first and compact forms that the invariant culture's own parsing does not try.
    private static readonly string[] ExtraDateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyyMMdd", "dd-MM-yyyy"];

    public static bool IsMissing(string? cell) => string.IsNullOrWhiteSpace(cell);

    public static bool TryNumber(string? cell, out double value)
    {
        value = 0;
        return !IsMissing(cell)
            && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static bool TryBoolean(string? cell, out bool value)
    {
        value = false;
        if (IsMissing(cell))
        {
            return false;
        }

        switch (cell!.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1":
                value = true;
                return true;
            case "false" or "no" or "n" or "0":
                return true;
            default:
                return false;
        }
    }

    /// <summary>ISO 8601 and common invariant forms, as days since 1970-01-01 UTC.</summary>
    public static bool TryDate(string? cell, out double days)
    {
        days = 0;
        if (IsMissing(cell))
        {
            return false;
        }

        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        var text = cell!.Trim();
        if (!DateTime.TryParseExact(text, ExtraDateFormats, CultureInfo.InvariantCulture, styles, out var date)
            && !DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out date))
        {
            return false;
        }

        days = (date - Epoch).TotalDays;
        return true;
    }

    /// <summary>The category key of a cell: trimmed text, or null for missing.</summary>
    public static string? CategoryKey(string? cell) => IsMissing(cell) ? null : cell!.Trim();
}
