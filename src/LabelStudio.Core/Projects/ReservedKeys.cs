using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Projects;

/// <summary>
/// Single keys the labeling page keeps for itself, so no class may take them as its hotkey: comment (c),
/// instructions (i, ?), space, and the image viewer's zoom keys; on audio projects also the player's keys.
/// Tab and the arrows are named keys, never a class's one character. A page that claims another key adds
/// it here, and both the settings check and the default hotkeys follow.
/// </summary>
public static class ReservedKeys
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "c", "i", "?", " ", "+", "=", "-", "*",
    };

    /// <summary>
    /// The audio player's keys: space plays and pauses, r replays from the start, [ and ] slow down and
    /// speed up. Only audio projects reserve them, so table and image projects keep a class on r.
    /// </summary>
    public static readonly IReadOnlySet<string> AudioPlayer = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        " ", "r", "[", "]",
    };

    public static bool IsReserved(string key, DataKind kind) =>
        All.Contains(key) || (kind == DataKind.Audio && AudioPlayer.Contains(key));

    /// <summary>The reserved keys of a project of this kind as a reader would list them, for messages.</summary>
    public static string Describe(DataKind kind)
    {
        var keys = kind == DataKind.Audio ? All.Union(AudioPlayer) : All;
        return string.Join(", ", keys.Select(k => k == " " ? "space" : k).Order(StringComparer.Ordinal));
    }
}
