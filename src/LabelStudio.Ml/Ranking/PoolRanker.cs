namespace LabelStudio.Ml;

/// <summary>Orders the unlabeled pool by a query strategy, optionally spreading the first batch out.</summary>
public static class PoolRanker
{
    /// <summary>Candidates considered for a diverse batch, as a multiple of the batch size.</summary>
    public const int DefaultCandidateFactor = 5;

    /// <param name="probabilities">Per pool item, the class distribution from the current model.</param>
    /// <param name="seed">Only used by Random, which is a seeded shuffle.</param>
    public static RankedPool Rank(IReadOnlyList<float[]> probabilities, QueryStrategy strategy, int seed)
    {
        if (strategy == QueryStrategy.Random)
        {
            return Shuffle(probabilities.Count, seed);
        }

        var scores = new float[probabilities.Count];
        Parallel.For(0, scores.Length, i => scores[i] = UncertaintyScores.Score(strategy, probabilities[i]));
        return new RankedPool(scores, OrderByScore(scores));
    }

    /// <summary>
    /// The same ranking from probabilities held in one matrix, on the calling thread: the training
    /// worker calls it from its low-priority thread, and a scoring pass is a millisecond of work
    /// that pool threads would do at the priority of requests.
    /// </summary>
    public static RankedPool Rank(ProbabilityMatrix probabilities, QueryStrategy strategy, int seed)
    {
        if (strategy == QueryStrategy.Random)
        {
            return Shuffle(probabilities.Count, seed);
        }

        var scores = new float[probabilities.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = UncertaintyScores.Score(strategy, probabilities[i]);
        }

        return new RankedPool(scores, OrderByScore(scores));
    }

    /// <summary>
    /// Replaces the first batch with one spread over feature space: k-means++ centres among the top
    /// candidates split them into batchSize groups, and each group gives its best-scored item. The
    /// rest of the pool keeps its order. Avoids spending a batch on near-duplicates.
    /// </summary>
    public static RankedPool Diversify(
        RankedPool ranked, IReadOnlyList<float[]> features, int batchSize, int seed,
        int candidateFactor = DefaultCandidateFactor)
    {
        var candidateCount = Math.Min(ranked.Order.Length, batchSize * candidateFactor);
        if (batchSize <= 1 || candidateCount <= batchSize)
        {
            return ranked;
        }

        // 1. Group the candidates around k-means++ centres.
        var candidates = ranked.Order[..candidateCount];
        var points = candidates.Select(i => features[i]).ToArray();
        var centres = KMeansPlusPlus.ChooseCentres(points, batchSize, new Random(seed));
        var groups = KMeansPlusPlus.AssignToNearest(points, centres);

        // 2. Candidates are in rank order, so the first one met in each group is its best.
        var picked = new bool[candidateCount];
        var groupTaken = new bool[centres.Length];
        for (var c = 0; c < candidateCount; c++)
        {
            if (!groupTaken[groups[c]])
            {
                groupTaken[groups[c]] = true;
                picked[c] = true;
            }
        }

        // 3. The batch first (in rank order), then everything else in rank order.
        var batch = Enumerable.Range(0, candidateCount).Where(c => picked[c]).Select(c => candidates[c]);
        var rest = Enumerable.Range(0, candidateCount).Where(c => !picked[c]).Select(c => candidates[c]);
        var order = batch.Concat(rest).Concat(ranked.Order[candidateCount..]).ToArray();
        return ranked with { Order = order };
    }

    internal static int[] OrderByScore(float[] scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Highest score first; equal scores keep the lower pool index first, so ranking is stable.
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>The Random strategy without probabilities: a seeded shuffle of count items.</summary>
    public static RankedPool Shuffle(int count, int seed)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        new Random(seed).Shuffle(order);

        // Scores follow the shuffled order so "higher = sooner" holds for Random too.
        var scores = new float[count];
        for (var position = 0; position < count; position++)
        {
            scores[order[position]] = 1f - (float)position / count;
        }

        return new RankedPool(scores, order);
    }
}
