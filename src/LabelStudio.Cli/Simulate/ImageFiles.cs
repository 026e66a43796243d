using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// Reads image files for the simulation with the same caution as an import: the header's size is checked
/// before the pixels are decoded, and every unreadable file becomes a one-line message naming it.
/// </summary>
internal static class ImageFiles
{
    /// <summary>40 megapixels: a large camera photo; beyond it a decode could take gigabytes.</summary>
    public const long MaxPixels = 40_000_000;

    public static int LargestSide(string file)
    {
        var info = Read(file, () => Image.Identify(file))
            ?? throw new CliInputException($"{file}: not an image in a format that can be read.");
        if ((long)info.Width * info.Height > MaxPixels)
        {
            var limit = MaxPixels / 1_000_000;
            throw new CliInputException(
                $"{file}: {info.Width}×{info.Height} pixels is more than the {limit} megapixel limit.");
        }

        return Math.Max(info.Width, info.Height);
    }

    /// <summary>Turned as its EXIF tag says, as the app's import turns it, so the features match the app's.</summary>
    public static Image<Rgb24> Decode(string file) => Read(file, () =>
    {
        var image = Image.Load<Rgb24>(file);
        image.Mutate(x => x.AutoOrient());
        return image;
    });

    private static T Read<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (UnknownImageFormatException)
        {
            throw new CliInputException($"{file}: not an image in a format that can be read.");
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException)
        {
            throw new CliInputException($"{file}: damaged image ({e.Message}).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{file}: cannot be read ({e.Message}).");
        }
    }
}
