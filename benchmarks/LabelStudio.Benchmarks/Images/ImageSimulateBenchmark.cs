using LabelStudio.Ml;
using LabelStudio.Ml.Images;

namespace LabelStudio.Benchmarks.Images;

/// <summary>
/// Learning curves on Fashion-MNIST pictures embedded by the image embedder (ResNet18 at --size, or the
/// fallback), to compare with `al-simulate` on raw pixels over the same seeded subset.
/// </summary>
internal static class ImageSimulateBenchmark
{
    public static int Run(BenchArgs args)
    {
        var (pictures, labels) = SimulateBenchmark.Subset(args);
        var features = Embeddings(pictures, "train", args);
        Console.WriteLine($"features: {args.Text("features", "resnet")} at {args.Int("size", 64)} px, " +
            $"{features[0].Length} floats");
        var embedder = args.Text("features", "resnet") == "resnet" ? ImageEmbedderNames.ResNet18 : null;
        return SimulateBenchmark.Simulate(features, labels, args, TrainerOptions.ForEmbedder(embedder));
    }

    /// <summary>--features resnet (default) or fallback; cached under --cache when given.</summary>
    public static float[][] Embeddings(byte[][] pictures, string split, BenchArgs args)
    {
        var kind = args.Text("features", "resnet");
        var options = new ImageEmbedderOptions
        {
            InputSize = args.Int("size", ImageEmbedderOptions.SmallInputSize),
            BatchSize = args.Int("embed-batch", 64),
            ModelPath = kind == "fallback" ? "/nonexistent" : null,
        };
        var key = $"fashion-{split}-{kind}-{options.InputSize}-{pictures.Length}-{args.Int("subset-seed", 0)}";
        return FashionImages.EmbedCached(args.Text("cache"), key, () =>
        {
            using var embedder = ImageEmbedders.Create(options);
            return FashionImages.Embed(embedder, pictures);
        });
    }
}
