using System.CommandLine.Parsing;
using System.Globalization;
using LabelStudio.Ml;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// Parsers for option values. Each one reports a bad value as a parse error naming the option,
/// so nothing is read or trained before the whole command line is known to be sound.
/// </summary>
internal static class OptionValues
{
    public static Func<ArgumentResult, int> Integer(string option, int minimum) => result =>
    {
        var text = result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{option} takes a whole number, not '{text}'.");
        }
        else if (value < minimum)
        {
            result.AddError($"{option} must be at least {minimum}, not {value}.");
        }

        return value;
    };

    /// <summary>A fraction strictly between 0 and 1, read with a decimal point whatever the culture.</summary>
    public static Func<ArgumentResult, double> OpenFraction(string option) => result =>
    {
        var text = result.Tokens[0].Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value is <= 0 or >= 1)
        {
            result.AddError($"{option} must be a number between 0 and 1 (such as 0.25), not '{text}'.");
        }

        return value;
    };

    public static Func<ArgumentResult, IReadOnlyList<string>> Names(string option) => result =>
    {
        var names = SplitList(result.Tokens[0].Value);
        if (names.Length == 0)
        {
            result.AddError($"{option} needs at least one column name.");
        }

        return names;
    };

    public static Func<ArgumentResult, IReadOnlyList<int>> Seeds(string option) => result =>
    {
        var seeds = new List<int>();
        foreach (var part in SplitList(result.Tokens[0].Value))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
            {
                result.AddError($"{option} takes whole numbers separated by commas (such as 0,1,2), not '{part}'.");
                return [];
            }

            seeds.Add(seed);
        }

        if (seeds.Count == 0)
        {
            result.AddError($"{option} needs at least one seed.");
        }

        return seeds.Distinct().ToArray();
    };

    public static void CheckStrategies(OptionResult result)
    {
        var text = result.GetValueOrDefault<string>();
        try
        {
            QueryStrategyNames.ParseList(text);
        }
        catch (FormatException e)
        {
            result.AddError($"--strategy: {e.Message} ('{QueryStrategyNames.All}' runs every one.)");
        }
    }

    /// <summary>Comma-separated, trimmed, empty parts dropped. Column names with commas cannot be named here.</summary>
    private static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
