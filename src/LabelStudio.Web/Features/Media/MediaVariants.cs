namespace LabelStudio.Web.Features.Media;

/// <summary>The files kept for a media item, as named in URLs, and the content type of each stored file.</summary>
internal static class MediaVariants
{
    public const string Original = "original";
    public const string Display = "display";
    public const string Thumbnail = "thumb";
    public const string Waveform = "waveform";
    public const string Spectrogram = "spectrogram";

    public static readonly string[] All = [Display, Thumbnail, Original, Waveform, Spectrogram];

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".jfif"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
        [".webp"] = "image/webp",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".wav"] = "audio/wav",
        [".mp3"] = "audio/mpeg",
        [".ogg"] = "audio/ogg",
    };

    /// <summary>Every content type an item's file may be served with.</summary>
    public static string[] KnownContentTypes => [.. ContentTypes.Values.Distinct()];

    public static string ContentTypeOf(string fileName) =>
        ContentTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");
}
