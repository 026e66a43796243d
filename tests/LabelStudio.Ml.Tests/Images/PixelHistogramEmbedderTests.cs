using LabelStudio.Ml.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Ml.Tests.Images;

public sealed class PixelHistogramEmbedderTests
{
    [Fact]
    public void MissingModelFileFallsBackToThePixelHistogramAndSaysSo()
    {
        using var embedder = ImageEmbedders.Create(new ImageEmbedderOptions { ModelPath = "/nonexistent/model.onnx" });

        var vectors = embedder.Embed(SampleImages.Load("bag", 2));

        Assert.Equal(ImageEmbedderNames.PixelHistogram, embedder.Name);
        Assert.Equal(320, embedder.Dimension);
        Assert.All(vectors, v => Assert.Equal(320, v.Length));
    }

    [Fact]
    public void CorruptModelFileFallsBackToThePixelHistogram()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("labelstudio-ml-").FullName, "ResNet18.onnx");
        File.WriteAllText(path, "this is not an ONNX model");

        using var embedder = ImageEmbedders.Create(new ImageEmbedderOptions { ModelPath = path });

        Assert.Equal(ImageEmbedderNames.PixelHistogram, embedder.Name);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void GreyPixelsComeFirstThenTheSquareRootsOfColourShares()
    {
        using var image = new Image<Rgb24>(8, 4, new Rgb24(255, 255, 255));
        for (var x = 0; x < 8; x++)
        {
            image[x, 0] = new Rgb24(255, 0, 0);
        }

        using var embedder = ImageEmbedders.Create(new ImageEmbedderOptions { ModelPath = "/nonexistent/model.onnx" });
        var vector = embedder.Embed([image])[0];

        Assert.Equal(1f, vector[255], 1e-3f);
        var histogram = vector[256..];
        Assert.Equal(MathF.Sqrt(0.25f), histogram[3 * 16], 1e-3f);
        Assert.Equal(MathF.Sqrt(0.75f), histogram[63], 1e-3f);
        Assert.Equal(1f, histogram.Sum(share => share * share), 1e-4f);
    }
}
