namespace LabelStudio.Core.Media;

/// <summary>The image formats accepted, told apart by their first bytes and by their file extensions.</summary>
internal static class ImageFormats
{
    public const string Png = "PNG";
    public const string Jpeg = "JPEG";
    public const string Bmp = "BMP";
    public const string Gif = "GIF";
    public const string WebP = "WebP";
    public const string Tiff = "TIFF";

    public const int SniffBytes = 12;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    public static readonly IReadOnlyDictionary<string, string> ByExtension =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".png"] = Png,
            [".jpg"] = Jpeg,
            [".jpeg"] = Jpeg,
            [".jfif"] = Jpeg,
            [".bmp"] = Bmp,
            [".gif"] = Gif,
            [".webp"] = WebP,
            [".tif"] = Tiff,
            [".tiff"] = Tiff,
        };

    public static string Accepted => "PNG, JPEG, BMP, GIF, WebP or TIFF";

    /// <summary>The usual extension of a format, for a file whose name has none.</summary>
    public static string ExtensionOf(string format) => ByExtension.First(pair => pair.Value == format).Key;

    /// <summary>The format the file's first bytes announce, or null when they announce none we accept.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
        {
            return Png;
        }
        if (head.StartsWith(JpegSignature))
        {
            return Jpeg;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (head.StartsWith("BM"u8) && head.Length >= 6)
        {
            return Bmp;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        return head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? Tiff : null;
    }
}
