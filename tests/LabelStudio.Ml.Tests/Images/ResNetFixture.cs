using LabelStudio.Ml.Images;

namespace LabelStudio.Ml.Tests.Images;

/// <summary>Loading ResNet18 takes seconds, so the image tests share one embedder for small images.</summary>
public sealed class ResNetFixture : IDisposable
{
    public IImageEmbedder Embedder { get; } = ImageEmbedders.Create(ImageEmbedderOptions.ForLargestSide(28));

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ResNetCollection : ICollectionFixture<ResNetFixture>
{
    public const string Name = "ResNet18";
}
