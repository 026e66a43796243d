using System.Globalization;

namespace LabelStudio.Web.Features.Api;

/// <summary>Reads query-string values by hand, so a bad one is refused with its name and what it expects.</summary>
internal static class ApiQuery
{
    /// <summary>
    /// The value as a whole number; null when absent, or when bad (then noted in <paramref name="errors"/>).
    /// </summary>
    public static long? WholeNumber(string? raw, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [$"'{raw}' is not a whole number; {name} takes one, e.g. {name}=100."];
        return null;
    }
}
