using LabelStudio.Ml.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Ml.Tests.Images;

[Collection(ResNetCollection.Name)]
public sealed class ResNet18EmbedderTests(ResNetFixture fixture)
{
    private readonly IImageEmbedder embedder = fixture.Embedder;

    [Fact]
    public void PackagedModelLoadsAndGivesOne512FloatVectorPerImage()
    {
        var images = SampleImages.Load("bag", 3);

        var vectors = embedder.Embed(images);

        Assert.Equal(ImageEmbedderNames.ResNet18, embedder.Name);
        Assert.Equal(512, embedder.Dimension);
        Assert.Equal(3, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(512, v.Length));
        Assert.All(vectors, v => Assert.True(v.All(float.IsFinite) && v.Any(x => x != 0)));
    }

    [Fact]
    public void SameImageGivesTheSameVectorAloneOrInsideALargerBatch()
    {
        var images = SampleImages.Load("trouser", 20);

        var alone = embedder.Embed([images[7]]);
        var batched = embedder.Embed(images);
        var again = embedder.Embed([images[7]]);

        Assert.Equal(alone[0], again[0]);
        Assert.All(alone[0].Zip(batched[7]), p => Assert.Equal(p.First, p.Second, 1e-3f));
    }

    [Fact]
    public void ImagesOfAnySizeAndShapeAreScaledToTheInputSize()
    {
        using var wide = new Image<Rgb24>(300, 120, new Rgb24(200, 30, 30));
        using var tiny = new Image<Rgb24>(5, 9, new Rgb24(10, 200, 10));

        var vectors = embedder.Embed([wide, tiny]);

        Assert.All(vectors, v => Assert.Equal(512, v.Length));
        Assert.NotEqual(vectors[0], vectors[1]);
    }

    [Fact]
    public void ImagesAreReadNotChangedOrDisposed()
    {
        var image = SampleImages.Load("bag", 1)[0];
        var before = image.Clone();

        embedder.Embed([image]);

        Assert.Equal((28, 28), (image.Width, image.Height));
        Assert.Equal(before[14, 14], image[14, 14]);
    }
}
