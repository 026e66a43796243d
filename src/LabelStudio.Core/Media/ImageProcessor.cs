using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelStudio.Core.Media;

/// <summary>
/// Checks one image and writes its files: the original bytes, a re-encoded display copy the
/// browser can show (PNG, or JPEG for JPEG sources) and, for images larger than a thumbnail, a
/// thumbnail. The browser never receives bytes ImageSharp did not write itself. Files sit flat in
/// the job's folder under a number, so a large import creates as few files as it can.
/// </summary>
internal static class ImageProcessor
{
    private static readonly JpegEncoder DisplayJpeg = new() { Quality = 90 };
    private static readonly JpegEncoder ThumbnailJpeg = new() { Quality = 80 };
    private static readonly Configuration Decoding = CreateConfiguration();

    public static ProcessedMedia Process(MediaFile file, string folder, int number, MediaOptions limits)
    {
        var format = ImageInspector.CheckFile(file, limits);
        using var image = Decode(file, limits);

        var prefix = $"{number:D6}";
        var originalExtension = Path.GetExtension(file.FileName) is { Length: > 0 } named
            ? named.ToLowerInvariant()
            : ImageFormats.ExtensionOf(format);
        var originalFile = $"{prefix}-original{originalExtension}";
        using (var source = file.Open())
        using (var original = File.Create(Path.Combine(folder, originalFile)))
        {
            source.CopyTo(original);
        }

        var (width, height) = (image.Width, image.Height);
        var isJpeg = format == ImageFormats.Jpeg;
        var extension = isJpeg ? ".jpg" : ".png";
        var displayFile = $"{prefix}-display{extension}";
        FitWithin(image, limits.DisplayMaxSide);
        Save(image, Path.Combine(folder, displayFile), isJpeg ? DisplayJpeg : null);
        if (image.Width <= limits.ThumbnailMaxSide && image.Height <= limits.ThumbnailMaxSide)
        {
            return new ProcessedMedia(format, width, height, originalFile, displayFile, displayFile, file.Length);
        }

        var thumbnailFile = $"{prefix}-thumb{extension}";
        FitWithin(image, limits.ThumbnailMaxSide);
        Save(image, Path.Combine(folder, thumbnailFile), isJpeg ? ThumbnailJpeg : null);
        return new ProcessedMedia(format, width, height, originalFile, displayFile, thumbnailFile, file.Length);
    }

    /// <summary>Reads the header, then decodes, both within the time limit for one image.</summary>
    private static Image<Rgba32> Decode(MediaFile file, MediaOptions limits) =>
        DecodeDeadline.Run(stop => DecodeNow(file, limits, stop), limits.DecodeTimeout);

    private static Image<Rgba32> DecodeNow(MediaFile file, MediaOptions limits, CancellationToken stop)
    {
        using var stream = file.Open();
        ImageInspector.CheckHeader(stream, Decoding, limits);
        stream.Position = 0;
        try
        {
            // The asynchronous load is the one that observes a cancellation token in ImageSharp 2.
            var image = Image.LoadAsync<Rgba32>(Decoding, stream, stop).GetAwaiter().GetResult();
            // Cameras store a portrait photo sideways with an EXIF tag saying how to turn it; the copies
            // we write carry no EXIF, so turn the pixels themselves (and the size recorded is as seen).
            image.Mutate(x => x.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.IccProfile = null;
            image.Metadata.XmpProfile = null;
            return image;
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException
            or InvalidDataException or IndexOutOfRangeException or ArgumentException or EndOfStreamException)
        {
            throw new MediaRejectedException($"The image cannot be decoded: {exception.Message}");
        }
    }

    private static void FitWithin(Image image, int maxSide)
    {
        if (image.Width <= maxSide && image.Height <= maxSide)
        {
            return;
        }
        image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(maxSide, maxSide) }));
    }

    /// <summary>Encodes in memory and writes once: ImageSharp's many small writes to a file are slow.</summary>
    private static void Save(Image image, string path, JpegEncoder? jpeg)
    {
        using var buffer = new MemoryStream();
        if (jpeg is null)
        {
            image.SaveAsPng(buffer);
        }
        else
        {
            image.SaveAsJpeg(buffer, jpeg);
        }
        File.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>Animated GIFs and multi-page TIFFs decode their first frame only.</summary>
    private static Configuration CreateConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.ImageFormatsManager.SetDecoder(
            GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.ImageFormatsManager.SetDecoder(
            TiffFormat.Instance, new TiffDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }
}
