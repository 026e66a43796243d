using System.Globalization;

namespace LabelStudio.Core.Import;

/// <summary>
/// How a cell's text is read as a number, boolean or date. Inference, validation and whoever
/// turns cells into features should all use these, so a value accepted at import reads the same
/// later. Surrounding spaces are ignored.
/// </summary>
public static class CellValue
{
    // No thousands separators: "1,234" is ambiguous between cultures, so it is not a number.
    private const NumberStyles NumberStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Empty and whitespace-only cells carry no value.</summary>
    public static bool IsMissing(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>
    /// The words R, pandas and spreadsheets write where a value is missing. They mean "missing" only in
    /// number, date and yes/no columns: in a category column "NA" may well be North America.
    /// </summary>
    public static bool IsMissingMarker(string value) =>
        IsAny(value.AsSpan().Trim(), "NA", "N/A", "#N/A", "null", "NaN", "None");

    /// <summary>
    /// Invariant-culture decimal with optional sign and exponent; NaN and infinities are not numbers.
    /// </summary>
    public static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value.AsSpan().Trim(), NumberStyle, CultureInfo.InvariantCulture, out number)
        && double.IsFinite(number);

    /// <summary>true/false, yes/no, y/n and 1/0, in any case.</summary>
    public static bool TryParseBoolean(string value, out bool flag)
    {
        var text = value.AsSpan().Trim();
        if (IsAny(text, "true", "yes", "y", "1"))
        {
            flag = true;
            return true;
        }

        flag = false;
        return IsAny(text, "false", "no", "n", "0");
    }

    /// <summary>ISO 8601 dates and date-times; a value without an offset is taken as UTC.</summary>
    public static bool TryParseDate(string value, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(
            value.AsSpan().Trim(),
            DateFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out date);

    private static bool IsAny(ReadOnlySpan<char> text, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
