using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelStudio.Ml.Images;

/// <summary>
/// Writes images into the network's input tensor [N,3,S,S]: scaled so the shorter side is S and
/// centre-cropped (as ImageNet networks are evaluated), channels in blue-green-red order on the 0–255
/// scale minus the mean image, which is what the packaged preprocessing graph feeds ResNet18.
/// </summary>
internal static class ImageTensor
{
    public static void Write(Image<Rgb24> image, int size, ReadOnlySpan<float> mean, Span<float> target)
    {
        if (image.Width == size && image.Height == size)
        {
            WritePixels(image, size, mean, target);
            return;
        }

        using var scaled = image.Clone(context => context.Resize(new ResizeOptions
        {
            Size = new Size(size, size),
            Mode = ResizeMode.Crop,
            Sampler = KnownResamplers.Triangle,
        }));
        WritePixels(scaled, size, mean, target);
    }

    private static void WritePixels(Image<Rgb24> image, int size, ReadOnlySpan<float> mean, Span<float> target)
    {
        var plane = size * size;

        var pixels = new Rgb24[plane];
        image.CopyPixelDataTo(pixels);
        for (var i = 0; i < plane; i++)
        {
            target[i] = pixels[i].B - mean[i];
            target[plane + i] = pixels[i].G - mean[plane + i];
            target[2 * plane + i] = pixels[i].R - mean[2 * plane + i];
        }
    }
}
