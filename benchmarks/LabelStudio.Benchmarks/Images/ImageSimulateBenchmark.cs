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
        var features = Scaled(Embeddings(pictures, "train", args), args.Text("scale", "none"));
        Console.WriteLine($"features: {args.Text("features", "resnet")} at {args.Int("size", 64)} px, " +
            $"{features[0].Length} floats");
        return SimulateBenchmark.Simulate(features, labels, args);
    }

    /// <summary>--scale none, l2 (each vector to length √D) or standardize (each feature over the pool).</summary>
    private static float[][] Scaled(float[][] vectors, string scale)
    {
        var length = vectors[0].Length;
        if (scale == "l2")
        {
            return vectors.Select(v =>
            {
                var norm = MathF.Sqrt(v.Sum(x => x * x));
                return v.Select(x => x * MathF.Sqrt(length) / Math.Max(norm, 1e-6f)).ToArray();
            }).ToArray();
        }

        if (scale != "standardize")
        {
            return vectors;
        }

        var mean = Enumerable.Range(0, length).Select(d => vectors.Average(v => v[d])).ToArray();
        var sd = Enumerable.Range(0, length)
            .Select(d => MathF.Sqrt(vectors.Average(v => (v[d] - mean[d]) * (v[d] - mean[d]))))
            .ToArray();
        return vectors.Select(v => v.Select((x, d) => sd[d] > 0 ? (x - mean[d]) / sd[d] : 0).ToArray()).ToArray();
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
