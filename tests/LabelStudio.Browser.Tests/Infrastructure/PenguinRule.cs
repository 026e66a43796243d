using System.Globalization;

namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>
/// A fixed reading of a penguin row, as an annotator following the project's instructions would
/// decide: heavy or long-flippered birds are Gentoo, long-beaked birds on Dream are Chinstrap, the
/// rest Adelie. Returns the class hotkey.
/// </summary>
internal static class PenguinRule
{
    public const string Adelie = "1";
    public const string Chinstrap = "2";
    public const string Gentoo = "3";

    public static string KeyFor(IReadOnlyDictionary<string, string> fields)
    {
        var mass = Number(fields, "Body Mass (g)");
        var flipper = Number(fields, "Flipper Length (mm)");
        var beak = Number(fields, "Beak Length (mm)");
        var island = fields.GetValueOrDefault("Island", "");

        if (mass >= 4700 || flipper >= 206)
        {
            return Gentoo;
        }
        return beak >= 44.5 && island == "Dream" ? Chinstrap : Adelie;
    }

    public static string ClassName(string key) => key switch
    {
        Adelie => "Adelie",
        Chinstrap => "Chinstrap",
        Gentoo => "Gentoo",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a Penguins hotkey."),
    };

    /// <summary>Any other class than <paramref name="key"/>, for relabeling.</summary>
    public static string OtherThan(string key) => key == Adelie ? Gentoo : Adelie;

    // The page formats numbers with thousands separators ("3,750"); a missing value reads as NaN.
    private static double Number(IReadOnlyDictionary<string, string> fields, string name)
    {
        var text = fields.GetValueOrDefault(name);
        var parsed = double.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value);
        return parsed ? value : double.NaN;
    }
}
