namespace LabelStudio.Ml;

/// <summary>
/// Cold start: before two classes have labels there is no model to ask, so serve a spread of the
/// pool instead of file order.
/// </summary>
public static class DiverseSampler
{
    /// <summary>k-means++ runs over a random sample this big; plenty to cover the pool's modes.</summary>
    public const int MaximumCandidates = 4_000;

    /// <returns>Distinct row indices, in the order they were chosen.</returns>
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
        var picked = KMeansPlusPlus.ChooseCentres(points, count, random).Select(c => candidates[c]).ToList();

        // Duplicate rows can stop k-means++ early; top up with unpicked candidates in sample order.
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
