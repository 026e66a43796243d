namespace LabelStudio.Ml;

/// <summary>
/// Cold start: before two classes have labels there is no model to ask, so serve a spread of the
/// pool instead of file order: k-means clusters seeded by k-means++, and the most central row of
/// each, biggest cluster first. The k-means++ seeds alone are drawn towards far-out rows, which make
/// a poor first model; on Fashion-MNIST embeddings 20 central rows gave 0.57 accuracy against 0.49
/// (docs/images-ml.md).
/// </summary>
public static class DiverseSampler
{
    /// <summary>k-means runs over a random sample this big; plenty to cover the pool's modes.</summary>
    public const int MaximumCandidates = 4_000;

    /// <summary>Lloyd iterations after seeding; clusters of a few thousand rows settle in about this many.</summary>
    public const int MaximumIterations = 10;

    /// <returns>Distinct row indices, the central row of the biggest cluster first.</returns>
    public static int[] Pick(IReadOnlyList<float[]> rows, int count, int seed)
    {
        if (count <= 0 || rows.Count == 0)
        {
            return [];
        }

        var random = new Random(seed);
        var candidates = Enumerable.Range(0, rows.Count).ToArray();
        if (candidates.Length > MaximumCandidates)
        {
            random.Shuffle(candidates);
            candidates = candidates[..MaximumCandidates];
        }

        var points = candidates.Select(i => rows[i]).ToArray();
        var seeds = KMeansPlusPlus.ChooseCentres(points, count, random);
        var picked = KMeansMedoids.Find(points, seeds, MaximumIterations).Select(c => candidates[c]).ToList();

        // Duplicate rows can stop k-means++ early and clusters can empty; top up with unpicked
        // candidates in sample order.
        foreach (var candidate in candidates)
        {
            if (picked.Count >= Math.Min(count, rows.Count))
            {
                break;
            }

            if (!picked.Contains(candidate))
            {
                picked.Add(candidate);
            }
        }

        return [.. picked];
    }
}
