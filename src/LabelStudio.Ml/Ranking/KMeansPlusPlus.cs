using System.Numerics;

namespace LabelStudio.Ml;

/// <summary>k-means++ seeding (D² sampling): each new centre is drawn with probability proportional
/// to its squared distance from the nearest centre already chosen.</summary>
internal static class KMeansPlusPlus
{
    /// <returns>Indices into points of the chosen centres (fewer when points run out of distinct ones).</returns>
    public static int[] ChooseCentres(IReadOnlyList<float[]> points, int k, Random random)
    {
        var centres = new List<int>(k) { random.Next(points.Count) };
        var nearest = new double[points.Count];
        Array.Fill(nearest, double.PositiveInfinity);
        while (centres.Count < Math.Min(k, points.Count))
        {
            // 1. Shrink each point's distance to its nearest centre using the newest centre.
            var newest = points[centres[^1]];
            Parallel.For(0, points.Count, i => nearest[i] = Math.Min(nearest[i], SquaredDistance(points[i], newest)));

            // 2. Draw the next centre in proportion to those distances.
            var total = nearest.Sum();
            if (total <= 0)
            {
                break;
            }

            centres.Add(Draw(nearest, total, random));
        }

        return [.. centres];
    }

    public static int[] AssignToNearest(IReadOnlyList<float[]> points, int[] centres)
    {
        var groups = new int[points.Count];
        Parallel.For(0, points.Count, i =>
        {
            var best = double.PositiveInfinity;
            for (var c = 0; c < centres.Length; c++)
            {
                var distance = SquaredDistance(points[i], points[centres[c]]);
                if (distance < best)
                {
                    best = distance;
                    groups[i] = c;
                }
            }
        });
        return groups;
    }

    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var difference = new Vector<float>(a[i..]) - new Vector<float>(b[i..]);
            sum += difference * difference;
        }

        double total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            var difference = a[i] - b[i];
            total += difference * difference;
        }

        return total;
    }

    private static int Draw(double[] weights, double total, Random random)
    {
        var target = random.NextDouble() * total;
        var last = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            last = i;
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        // Rounding can leave a sliver of target; the last positive weight takes it.
        return last;
    }
}
