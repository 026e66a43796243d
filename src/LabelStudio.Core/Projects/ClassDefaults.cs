using System.Globalization;

namespace LabelStudio.Core.Projects;

/// <summary>
/// The colour and hotkey a class gets when nobody chose one: every class a colour of its own, and a
/// key while keys remain (digits, then letters), never one the page reserves.
/// </summary>
public static class ClassDefaults
{
    /// <summary>Twenty colours told apart easily; past them, colours are spread round the hue circle.</summary>
    public static readonly IReadOnlyList<string> Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
        "#17becf", "#393b79", "#e6550d", "#31a354", "#843c39", "#7b4173", "#637939", "#3182bd", "#d6616b",
        "#9c9ede", "#fdae6b",
    ];

    /// <summary>
    /// Candidate hotkeys in the order they are handed out; none is reserved on a project of any kind, so a
    /// default never has to change with the kind.
    /// </summary>
    public static readonly IReadOnlyList<string> HotkeyOrder =
    [
        .. "1234567890abcdefghijklmnopqrstuvwxyz".Select(k => k.ToString())
            .Where(k => !ReservedKeys.All.Contains(k) && !ReservedKeys.AudioPlayer.Contains(k)),
    ];

    public static string Color(int ordinal)
    {
        if (ordinal < Palette.Count)
        {
            return Palette[ordinal];
        }

        // The golden angle keeps successive hues far apart; three lightness steps split near neighbours.
        var hue = (ordinal - Palette.Count) * 137.508 % 360;
        var lightness = 0.38 + 0.12 * (ordinal % 3);
        return Hex(hue, 0.6, lightness);
    }

    /// <summary>The keys not yet taken, in hand-out order; comparison ignores case.</summary>
    public static Queue<string> FreeHotkeys(IEnumerable<string> taken)
    {
        var used = taken.Where(k => k.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Queue<string>(HotkeyOrder.Where(k => !used.Contains(k)));
    }

    private static string Hex(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var x = chroma * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = lightness - chroma / 2;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Byte(r + m):x2}{Byte(g + m):x2}{Byte(b + m):x2}");
    }

    private static int Byte(double channel) => (int)Math.Round(channel * 255);
}
