namespace LabelStudio.Ml;

/// <summary>Seeded, class-balanced splits. Classes with one example only ever train.</summary>
public static class StratifiedSplits
{
    /// <returns>Fold number per row, or -1 for rows that must always stay in training.</returns>
    public static int[] Folds(IReadOnlyList<int> labels, int foldCount, int seed)
    {
        var folds = new int[labels.Count];
        var next = 0;
        foreach (var members in ShuffledByClass(labels, seed))
        {
            // Round-robin continues across classes so folds stay the same size.
            foreach (var row in members)
            {
                folds[row] = members.Length < 2 ? -1 : next++ % foldCount;
            }
        }

        return folds;
    }

    /// <returns>Per row, true when it belongs to the test part: about testFraction of each class.</returns>
    public static bool[] HoldOut(IReadOnlyList<int> labels, double testFraction, int seed)
    {
        var isTest = new bool[labels.Count];
        foreach (var members in ShuffledByClass(labels, seed))
        {
            if (members.Length < 2)
            {
                continue;
            }

            // At least one test row per class, and at least one training row.
            var testCount = Math.Clamp((int)Math.Round(members.Length * testFraction), 1, members.Length - 1);
            foreach (var row in members[..testCount])
            {
                isTest[row] = true;
            }
        }

        return isTest;
    }

    private static IEnumerable<int[]> ShuffledByClass(IReadOnlyList<int> labels, int seed)
    {
        var random = new Random(seed);
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            yield return members;
        }
    }
}
