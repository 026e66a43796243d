using System.Text;

namespace LabelStudio.Core.Export.Media;

/// <summary>
/// Turns class and file names into ZIP entry segments that every unzip tool and file system
/// accepts: no separators or parent steps that could leave the folder, none of the characters or
/// device names Windows refuses, no trailing dots or spaces, and a bounded length.
/// </summary>
public static class PackageNames
{
    private const int MaxLength = 100;

    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>One path segment made safe; never empty, never <c>.</c> or <c>..</c>.</summary>
    public static string Segment(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(c < 0x20 || c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*' or '\x7f'
                ? '_'
                : c);
        }

        // A leading dot hides the entry (and "." or ".." step out of it); Windows drops trailing ones.
        var trimmed = text.ToString().TrimEnd('.', ' ').TrimStart(' ');
        if (trimmed.StartsWith('.'))
        {
            trimmed = "_" + trimmed[1..];
        }
        if (trimmed.Length == 0)
        {
            trimmed = "_";
        }
        var stem = trimmed.Split('.')[0];
        if (WindowsDevices.Contains(stem))
        {
            trimmed = "_" + trimmed;
        }
        return Shorten(trimmed);
    }

    /// <summary>
    /// Safe, distinct folder names for the given names, in their order: names that come out the same
    /// (ignoring case, as Windows and macOS do) get <c>-2</c>, <c>-3</c>… after the first.
    /// </summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> names)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var safe = Segment(name);
            var chosen = safe;
            for (var n = 2; !taken.Add(chosen); n++)
            {
                chosen = $"{safe}-{n}";
            }
            result.Add(chosen);
        }
        return result;
    }

    /// <summary>Cuts a long name, keeping its extension so the file still opens in the right program.</summary>
    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = "";
        }
        var keep = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }
        return name[..keep].TrimEnd('.', ' ') + extension;
    }
}
