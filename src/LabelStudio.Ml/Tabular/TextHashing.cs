namespace LabelStudio.Ml.Tabular;

/// <summary>
/// Hashed bag of lowercase words and adjacent word pairs. The hash is FNV-1a over the characters,
/// fixed here rather than string.GetHashCode, which changes between processes.
/// </summary>
internal static class TextHashing
{
    public static void AddFeatures(string text, Span<float> buckets)
    {
        buckets.Clear();
        string? previous = null;
        foreach (var word in Words(text))
        {
            buckets[Bucket(word, buckets.Length)] += 1f;
            if (previous is not null)
            {
                buckets[Bucket(previous + " " + word, buckets.Length)] += 1f;
            }

            previous = word;
        }

        // L2 normalization keeps long and short texts on the same scale.
        var norm = 0.0;
        foreach (var count in buckets)
        {
            norm += count * count;
        }

        if (norm > 0)
        {
            var inverse = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] *= inverse;
            }
        }
    }

    internal static int Bucket(string token, int bucketCount)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)bucketCount);
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
