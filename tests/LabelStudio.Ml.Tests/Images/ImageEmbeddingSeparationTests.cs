using LabelStudio.Ml.Images;

namespace LabelStudio.Ml.Tests.Images;

/// <summary>The point of pretrained features: a usable model after a handful of labels.</summary>
[Collection(ResNetCollection.Name)]
public sealed class ImageEmbeddingSeparationTests(ResNetFixture fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FiveLabelsPerClassTellTrousersFromBags(bool useFallback)
    {
        using var fallback = ImageEmbedders.Create(new ImageEmbedderOptions { ModelPath = "/nonexistent/model.onnx" });
        var embedder = useFallback ? fallback : fixture.Embedder;
        var trousers = embedder.Embed(SampleImages.Load("trouser", 25));
        var bags = embedder.Embed(SampleImages.Load("bag", 25));

        var train = new LabeledSet([.. trousers[..5], .. bags[..5]], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 2);
        var classifier = new ClassifierTrainer().Train(train, CancellationToken.None);
        var predicted = classifier.Predict([.. trousers[5..], .. bags[5..]]);
        var actual = Enumerable.Repeat(0, 20).Concat(Enumerable.Repeat(1, 20)).ToArray();

        var accuracy = TestData.Accuracy(predicted, actual);
        Assert.True(accuracy >= 0.9, $"{embedder.Name}: accuracy {accuracy:F3} on 40 held-out images");
    }
}
