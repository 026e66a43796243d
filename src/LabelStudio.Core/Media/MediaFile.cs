namespace LabelStudio.Core.Media;

/// <summary>One file of an upload or folder: its name inside it, its size and a way to read it.</summary>
/// <param name="RelativePath">Path inside the ZIP or folder with '/' separators, e.g. cat/001.png.</param>
/// <param name="Open">Opens the bytes: a ZIP entry already unpacked to memory, or the file in the folder.</param>
public sealed record MediaFile(string RelativePath, long Length, Func<Stream> Open)
{
    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>The first folder of the relative path, e.g. "cat" for cat/001.png; null at the top.</summary>
    public string? TopFolder => RelativePath.IndexOf('/') is var slash and > 0 ? RelativePath[..slash] : null;
}
