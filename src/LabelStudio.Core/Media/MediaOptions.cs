namespace LabelStudio.Core.Media;

/// <summary>Limits for media imports and the server folders an admin allows importing from.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>
    /// Server folders offered on the import page, by the name shown there. Only an admin sets these;
    /// users pick a name and never type a path.
    /// </summary>
    public Dictionary<string, string> ImportFolders { get; set; } = [];

    /// <summary>Largest single media file, compressed as stored.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest image by pixel count, read from its header before any decode.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Most files one ZIP or folder may hold.</summary>
    public int MaxEntries { get; set; } = 50_000;

    /// <summary>Most bytes one ZIP may unpack to, counted while unpacking.</summary>
    public long MaxTotalBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// How many times its own size a ZIP may unpack to (but always 64 MB): images hardly compress, so a
    /// ZIP that expands far more is a bomb.
    /// </summary>
    public long MaxExpansion { get; set; } = 100;

    /// <summary>
    /// Longest one image's header read and decode may take; a slower one is rejected as possibly crafted. A
    /// legitimate 40-megapixel photo decodes in about a second on a busy core.
    /// </summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest side of the copy the browser shows; larger images are scaled down.</summary>
    public int DisplayMaxSide { get; set; } = 2048;

    public int ThumbnailMaxSide { get; set; } = 256;

    /// <summary>Longest audio clip, enforced while decoding as well as from the header.</summary>
    public TimeSpan MaxAudioDuration { get; set; } = TimeSpan.FromMinutes(10);
}
