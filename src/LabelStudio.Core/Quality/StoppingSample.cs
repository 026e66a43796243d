namespace LabelStudio.Core.Quality;

/// <summary>
/// The unlabeled items every model version predicts for the stopping signal. Items are ordered by a
/// fixed hash of their id, so consecutive versions pick nearly the same items: only the ones
/// labeled in between drop out.
/// </summary>
public static class StoppingSample
{
    public const int Size = 500;

    /// <summary>Positions in <paramref name="unlabeledIds"/> of the sample items.</summary>
    public static IReadOnlyList<int> Pick(IReadOnlyList<long> unlabeledIds) =>
        Enumerable.Range(0, unlabeledIds.Count)
            .OrderBy(i => Key(unlabeledIds[i]))
            .Take(Size)
            .ToList();

    // Fibonacci hashing: spreads consecutive ids over the whole range, so the sample is not file order.
    private static ulong Key(long id) => unchecked((ulong)id * 0x9E3779B97F4A7C15UL);
}
