namespace LabelStudio.Ml;

/// <summary>
/// Lloyd's k-means from given seed rows, then the row nearest each cluster's mean: a typical member
/// of every dense region, where the seeds alone (k-means++ draws far-out rows) are often outliers.
/// </summary>
internal static class KMeansMedoids
{
    /// <param name="seeds">Indices into points of the starting centres (distinct rows).</param>
    /// <returns>One point index per non-empty cluster, in spread order (see SpreadOrder).</returns>
    public static int[] Find(IReadOnlyList<float[]> points, int[] seeds, int maximumIterations)
    {
        var centres = seeds.Select(s => (float[])points[s].Clone()).ToArray();
        var groups = Assign(points, centres);
        for (var iteration = 0; iteration < maximumIterations; iteration++)
        {
            MoveToMeans(points, groups, centres);
            var next = Assign(points, centres);
            var settled = next.AsSpan().SequenceEqual(groups);
            groups = next;
            if (settled)
            {
                break;
            }
        }

        // The row nearest each final centre stands for its cluster.
        var sizes = new int[centres.Length];
        var medoids = new int[centres.Length];
        var nearest = new double[centres.Length];
        Array.Fill(medoids, -1);
        Array.Fill(nearest, double.PositiveInfinity);
        for (var i = 0; i < points.Count; i++)
        {
            var group = groups[i];
            sizes[group]++;
            var distance = KMeansPlusPlus.SquaredDistance(points[i], centres[group]);
            if (distance < nearest[group])
            {
                nearest[group] = distance;
                medoids[group] = i;
            }
        }

        var found = Enumerable.Range(0, centres.Length).Where(c => medoids[c] >= 0).ToArray();
        return SpreadOrder(points, found.Select(c => medoids[c]).ToArray(), found.Select(c => sizes[c]).ToArray());
    }

    /// <summary>
    /// The biggest cluster first, then each time the one with the most rows times squared distance
    /// to the nearest medoid already placed: any head of the order is both typical and spread out,
    /// so a big class split into many clusters does not fill the first places on its own.
    /// </summary>
    private static int[] SpreadOrder(IReadOnlyList<float[]> points, int[] medoids, int[] sizes)
    {
        var order = new List<int>(medoids.Length);
        var nearest = new double[medoids.Length];
        Array.Fill(nearest, 1.0);
        var placed = new bool[medoids.Length];
        while (order.Count < medoids.Length)
        {
            var best = -1;
            for (var m = 0; m < medoids.Length; m++)
            {
                if (!placed[m] && (best < 0 || sizes[m] * nearest[m] > sizes[best] * nearest[best]))
                {
                    best = m;
                }
            }

            placed[best] = true;
            order.Add(medoids[best]);
            for (var m = 0; m < medoids.Length; m++)
            {
                var distance = KMeansPlusPlus.SquaredDistance(points[medoids[m]], points[medoids[best]]);
                nearest[m] = order.Count == 1 ? distance : Math.Min(nearest[m], distance);
            }
        }

        return [.. order];
    }

    private static int[] Assign(IReadOnlyList<float[]> points, float[][] centres)
    {
        var groups = new int[points.Count];
        Parallel.For(0, points.Count, i =>
        {
            var best = double.PositiveInfinity;
            for (var c = 0; c < centres.Length; c++)
            {
                var distance = KMeansPlusPlus.SquaredDistance(points[i], centres[c]);
                if (distance < best)
                {
                    best = distance;
                    groups[i] = c;
                }
            }
        });
        return groups;
    }

    private static void MoveToMeans(IReadOnlyList<float[]> points, int[] groups, float[][] centres)
    {
        var sums = centres.Select(c => new double[c.Length]).ToArray();
        var counts = new int[centres.Length];
        for (var i = 0; i < points.Count; i++)
        {
            var sum = sums[groups[i]];
            counts[groups[i]]++;
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += points[i][d];
            }
        }

        // An emptied cluster keeps its old centre.
        for (var c = 0; c < centres.Length; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            for (var d = 0; d < centres[c].Length; d++)
            {
                centres[c][d] = (float)(sums[c][d] / counts[c]);
            }
        }
    }
}
