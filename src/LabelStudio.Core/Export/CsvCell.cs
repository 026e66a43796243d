using System.Globalization;

namespace LabelStudio.Core.Export;

/// <summary>Writes one CSV cell: quoted when needed, and made inert for spreadsheet formulas.</summary>
public static class CsvCell
{
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public static string Format(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var safe = Neutralize(value);
        return safe.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }

    /// <summary>
    /// A cell starting with = + - @ (or a tab or carriage return) runs as a formula when the file is
    /// opened in a spreadsheet, so it gets a leading apostrophe. Plain numbers such as -3.5 are left
    /// alone: they cannot run, and mangling them would corrupt the data.
    /// </summary>
    public static string Neutralize(string value)
    {
        var risky = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!risky || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }
        return "'" + value;
    }
}
