using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;

namespace LabelStudio.Core.Media;

/// <summary>
/// The checks a file passes before ImageSharp decodes it in full: size, magic bytes against the
/// extension, an intact end, and the pixel count its header claims.
/// </summary>
internal static class ImageInspector
{
    private const int TailBytes = 1024;

    /// <summary>Returns the sniffed format; throws <see cref="MediaRejectedException"/> with the reason.</summary>
    public static string CheckFile(MediaFile file, MediaOptions limits)
    {
        if (file.Length == 0)
        {
            throw new MediaRejectedException("The file is empty (0 bytes).");
        }
        if (file.Length > limits.MaxFileBytes)
        {
            throw new MediaRejectedException(
                $"The file is larger than the {limits.MaxFileBytes / (1024 * 1024)} MB limit for one file.");
        }

        // A name without an extension (common in scraped datasets) claims nothing: the content decides.
        var extension = Path.GetExtension(file.FileName);
        string? named = null;
        if (extension.Length > 0 && !ImageFormats.ByExtension.TryGetValue(extension, out named))
        {
            throw new MediaRejectedException(
                $"'{extension}' is not an image type; images must be {ImageFormats.Accepted}.");
        }

        using var stream = file.Open();
        Span<byte> head = stackalloc byte[ImageFormats.SniffBytes];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var sniffed = ImageFormats.Sniff(head[..read]) ?? throw new MediaRejectedException(named is null
            ? $"The name has no extension and the content is not a {ImageFormats.Accepted} image."
            : $"The name says {named}, but the content is not a {ImageFormats.Accepted} image.");
        if (named is not null && sniffed != named)
        {
            throw new MediaRejectedException($"The name says {named}, but the content is a {sniffed} image.");
        }

        CheckEnd(stream, sniffed);
        return sniffed;
    }

    /// <summary>Reads the header only and refuses images whose pixel count passes the limit.</summary>
    public static IImageInfo CheckHeader(Stream stream, Configuration configuration, MediaOptions limits)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(configuration, stream, out IImageFormat _);
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException)
        {
            throw new MediaRejectedException($"The image header cannot be read: {exception.Message}");
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            throw new MediaRejectedException("The image header cannot be read.");
        }
        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            throw new MediaRejectedException(
                $"The image claims {info.Width:N0}×{info.Height:N0} pixels; " +
                $"at most {limits.MaxPixels:N0} are allowed.");
        }
        return info;
    }

    /// <summary>
    /// A JPEG ends with its end-of-image marker and a PNG with its IEND chunk; a file cut short lacks
    /// them. ImageSharp would decode such a file with its missing part grey, so check first.
    /// </summary>
    private static void CheckEnd(Stream stream, string format)
    {
        if (format is not (ImageFormats.Jpeg or ImageFormats.Png))
        {
            return;
        }

        var length = stream.Length;
        var tail = new byte[(int)Math.Min(TailBytes, length)];
        stream.Seek(length - tail.Length, SeekOrigin.Begin);
        stream.ReadExactly(tail);
        var intact = format == ImageFormats.Jpeg
            ? tail.AsSpan().IndexOf([(byte)0xFF, (byte)0xD9]) >= 0
            : tail.AsSpan().IndexOf("IEND"u8) >= 0;
        if (!intact)
        {
            throw new MediaRejectedException($"The {format} file is truncated: its end is missing.");
        }
    }
}
