namespace LabelStudio.Core.Media;

/// <summary>One file of an upload or folder: its name inside it, and where its bytes are on this server.</summary>
/// <param name="RelativePath">Path inside the ZIP or folder with '/' separators, e.g. cat/001.png.</param>
/// <param name="Path">Where to read it: the staged copy of a ZIP entry, or the file in the folder.</param>
public sealed record MediaFile(string RelativePath, string Path, long Length)
{
    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>The first folder of the relative path, e.g. "cat" for cat/001.png; null at the top.</summary>
    public string? TopFolder => RelativePath.IndexOf('/') is var slash and > 0 ? RelativePath[..slash] : null;
}

/// <summary>The files found in one source, the manifest if there is one, and files refused while reading.</summary>
public sealed record MediaFiles(
    IReadOnlyList<MediaFile> Files,
    MediaFile? Manifest,
    IReadOnlyList<Import.ImportError> Rejected);
