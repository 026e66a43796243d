using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelStudio.Ml.Images;

/// <summary>
/// The fallback when ResNet18 cannot load: the image shrunk to 16×16 grey pixels (shape) followed by a
/// 4×4×4 colour histogram (colour) of the image shrunk to at most 64×64, so a large photo costs no more
/// than a small one. Both halves are on a 0–1 scale so neither drowns the other.
/// </summary>
internal sealed class PixelHistogramEmbedder : IImageEmbedder
{
    private const int GreySide = 16;
    private const int BinsPerChannel = 4;
    private const int HistogramLength = BinsPerChannel * BinsPerChannel * BinsPerChannel;
    private const int HistogramSide = 64;

    public string Name => ImageEmbedderNames.PixelHistogram;

    public int Dimension => GreySide * GreySide + HistogramLength;

    public float[][] Embed(IReadOnlyList<Image<Rgb24>> images, CancellationToken ct = default)
    {
        var vectors = new float[images.Count][];
        Parallel.For(0, images.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var vector = new float[Dimension];
            using var small = Shrink(images[i], HistogramSide);
            using var grey = Shrink(small, GreySide);
            WriteGrey(grey, vector.AsSpan(0, GreySide * GreySide));
            WriteHistogram(small, vector.AsSpan(GreySide * GreySide));
            vectors[i] = vector;
        });
        return vectors;
    }

    public void Dispose()
    {
    }

    private static Image<Rgb24> Shrink(Image<Rgb24> image, int side) => image.Width <= side && image.Height <= side
        ? image.Clone()
        : image.Clone(context => context.Resize(Math.Min(side, image.Width), Math.Min(side, image.Height)));

    private static void WriteGrey(Image<Rgb24> image, Span<float> target)
    {
        using var square = image.Clone(context => context.Resize(GreySide, GreySide, KnownResamplers.Box));
        var pixels = new Rgb24[GreySide * GreySide];
        square.CopyPixelDataTo(pixels);
        for (var i = 0; i < pixels.Length; i++)
        {
            target[i] = (0.299f * pixels[i].R + 0.587f * pixels[i].G + 0.114f * pixels[i].B) / 255f;
        }
    }

    /// <summary>Square roots of the bin shares, so one dominant colour does not hide the others.</summary>
    private static void WriteHistogram(Image<Rgb24> image, Span<float> target)
    {
        const int shift = 6;
        var pixels = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        foreach (var pixel in pixels)
        {
            target[((pixel.R >> shift) * BinsPerChannel + (pixel.G >> shift)) * BinsPerChannel + (pixel.B >> shift)]++;
        }

        foreach (ref var share in target)
        {
            share = MathF.Sqrt(share / pixels.Length);
        }
    }
}
