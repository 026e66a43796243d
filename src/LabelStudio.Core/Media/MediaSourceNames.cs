namespace LabelStudio.Core.Media;

/// <summary>Rules on the names inside a ZIP or folder that both sources share.</summary>
internal static class MediaSourceNames
{
    private static readonly string[] ManifestNames = ["manifest.csv", "manifest.jsonl"];

    /// <summary>Files an operating system leaves behind, which nobody means to import.</summary>
    public static bool IsClutter(string relativePath) =>
        relativePath.StartsWith("__MACOSX/", StringComparison.Ordinal)
        || relativePath.Split('/').Any(segment => segment.StartsWith('.'))
        || relativePath.EndsWith("/Thumbs.db", StringComparison.OrdinalIgnoreCase)
        || relativePath.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase);

    public static bool IsManifest(string relativePath) =>
        ManifestNames.Contains(relativePath, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Why a ZIP entry's name is unsafe to honour, or null. The name is never used as a path on disk,
    /// but one that climbs out of the archive or is absolute is a sign of a crafted file.
    /// </summary>
    public static string? Unsafe(string entryName)
    {
        if (entryName.Length == 0)
        {
            return "The entry has no name.";
        }
        if (entryName.StartsWith('/') || entryName.StartsWith('\\') || (entryName.Length > 1 && entryName[1] == ':'))
        {
            return "The entry has an absolute path.";
        }
        if (entryName.Replace('\\', '/').Split('/').Any(segment => segment is ".." or "."))
        {
            return "The entry's path climbs out of the archive ('..').";
        }
        return entryName.Any(char.IsControl) ? "The entry's name holds control characters." : null;
    }
}
