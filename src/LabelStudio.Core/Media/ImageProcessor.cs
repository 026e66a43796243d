using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelStudio.Core.Media;

/// <summary>
/// Checks one image and writes its three files: the original bytes, a re-encoded display copy the
/// browser can show (PNG, or JPEG for JPEG sources) and a thumbnail. The browser never receives
/// bytes ImageSharp did not write itself.
/// </summary>
internal static class ImageProcessor
{
    public const string ThumbnailName = "thumb";
    private static readonly JpegEncoder DisplayJpeg = new() { Quality = 90 };
    private static readonly JpegEncoder ThumbnailJpeg = new() { Quality = 80 };
    private static readonly Configuration Decoding = CreateConfiguration();

    public static ProcessedImage Process(MediaFile file, string targetFolder, MediaOptions limits)
    {
        var format = ImageInspector.CheckFile(file, limits);
        using var image = Decode(file, limits);

        Directory.CreateDirectory(targetFolder);
        var originalFile = "original" + Path.GetExtension(file.FileName).ToLowerInvariant();
        File.Copy(file.Path, Path.Combine(targetFolder, originalFile), overwrite: true);

        var (width, height) = (image.Width, image.Height);
        var isJpeg = format == ImageFormats.Jpeg;
        var extension = isJpeg ? ".jpg" : ".png";
        FitWithin(image, limits.DisplayMaxSide);
        Save(image, Path.Combine(targetFolder, "display" + extension), isJpeg ? DisplayJpeg : null);
        FitWithin(image, limits.ThumbnailMaxSide);
        Save(image, Path.Combine(targetFolder, ThumbnailName + extension), isJpeg ? ThumbnailJpeg : null);
        return new ProcessedImage(format, width, height, originalFile, "display" + extension, file.Length);
    }

    private static Image<Rgba32> Decode(MediaFile file, MediaOptions limits)
    {
        using var stream = File.OpenRead(file.Path);
        ImageInspector.CheckHeader(stream, Decoding, limits);
        stream.Position = 0;
        try
        {
            var image = Image.Load<Rgba32>(Decoding, stream);
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

    private static void Save(Image image, string path, JpegEncoder? jpeg)
    {
        if (jpeg is null)
        {
            image.SaveAsPng(path);
        }
        else
        {
            image.SaveAsJpeg(path, jpeg);
        }
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
