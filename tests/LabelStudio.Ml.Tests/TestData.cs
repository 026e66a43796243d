namespace LabelStudio.Ml.Tests;

/// <summary>Small fixed-seed data sets for behaviour tests.</summary>
internal static class TestData
{
    /// <summary>Gaussian blobs: class k is centred at a point on a coordinate axis, scaled by separation.</summary>
    public static (float[][] Features, int[] Labels) Blobs(
        int classCount, int perClass, int dimensions, float separation, int seed)
    {
        var random = new Random(seed);
        var features = new float[classCount * perClass][];
        var labels = new int[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var label = i % classCount;
            var row = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                row[d] = Gaussian(random);
            }

            row[label % dimensions] += separation * (1 + label / dimensions);
            features[i] = row;
            labels[i] = label;
        }

        return (features, labels);
    }

    public static double Accuracy(IReadOnlyList<int> predicted, IReadOnlyList<int> actual) =>
        predicted.Zip(actual).Count(p => p.First == p.Second) / (double)actual.Count;

    private static float Gaussian(Random random)
    {
        // Box-Muller: enough for test data, no dependency needed.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
