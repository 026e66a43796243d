namespace LabelStudio.Ml;

/// <summary>
/// Uncertainty of one predicted class distribution. Every score lies in [0, 1] and higher means
/// "ask about this item sooner", so all strategies sort the same way.
/// </summary>
public static class UncertaintyScores
{
    public static float LeastConfidence(ReadOnlySpan<float> probabilities)
    {
        var (best, _) = TopTwo(probabilities);
        return 1f - best;
    }

    public static float Margin(ReadOnlySpan<float> probabilities)
    {
        var (best, second) = TopTwo(probabilities);
        return 1f - (best - second);
    }

    /// <summary>Shannon entropy divided by ln K, so a uniform distribution scores 1 whatever K is.</summary>
    public static float Entropy(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length < 2)
        {
            return 0f;
        }

        var sum = 0.0;
        foreach (var p in probabilities)
        {
            // 0 · ln 0 is taken as its limit, 0.
            if (p > 0f)
            {
                sum -= p * Math.Log(p);
            }
        }

        return (float)(sum / Math.Log(probabilities.Length));
    }

    public static float Score(QueryStrategy strategy, ReadOnlySpan<float> probabilities) => strategy switch
    {
        QueryStrategy.LeastConfidence => LeastConfidence(probabilities),
        QueryStrategy.Margin => Margin(probabilities),
        QueryStrategy.Entropy => Entropy(probabilities),
        _ => throw new ArgumentException("Random ranking is a seeded shuffle, not a score.", nameof(strategy)),
    };

    private static (float Best, float Second) TopTwo(ReadOnlySpan<float> probabilities)
    {
        var best = 0f;
        var second = 0f;
        foreach (var p in probabilities)
        {
            if (p > best)
            {
                second = best;
                best = p;
            }
            else if (p > second)
            {
                second = p;
            }
        }

        return (best, second);
    }
}
