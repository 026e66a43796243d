namespace LabelStudio.Core.Media;

/// <summary>The admin-configured server folders images may be imported from.</summary>
public static class ImportFolders
{
    /// <summary>Folder names as the import page offers them.</summary>
    public static IReadOnlyList<string> Names(MediaOptions options) => [.. options.ImportFolders.Keys.Order()];

    /// <summary>The full path behind a configured name, or null for a name nobody configured.</summary>
    public static string? Resolve(MediaOptions options, string name) =>
        options.ImportFolders.TryGetValue(name, out var path) && !string.IsNullOrWhiteSpace(path)
            ? Path.GetFullPath(path)
            : null;
}
