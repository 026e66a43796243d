namespace LabelStudio.Core.Projects;

/// <summary>
/// Single keys the labeling page keeps for itself, so no class may take them as its hotkey: comment (c),
/// instructions (i, ?), space, and the image viewer's zoom keys. Tab and the arrows are named keys, never
/// a class's one character. A page that claims another key adds it here, and both the settings check and
/// the default hotkeys follow.
/// </summary>
public static class ReservedKeys
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "c", "i", "?", " ", "+", "=", "-", "*",
    };

    /// <summary>The reserved keys as a reader would list them, for messages.</summary>
    public static string Describe() =>
        string.Join(", ", All.Select(k => k == " " ? "space" : k).Order(StringComparer.Ordinal));
}
