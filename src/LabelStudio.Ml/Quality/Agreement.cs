namespace LabelStudio.Ml;

/// <summary>
/// Inter-annotator agreement for nominal labels. Every coefficient is null where it is undefined:
/// no unit rated twice, or every rating in the same category (expected disagreement is zero, so
/// agreement cannot be told from chance). Units rated once count for nothing; a rater listed twice
/// for one unit counts with the later rating. One pass over the units sorted by unit and rater
/// gathers every sum, so a project's hundreds of thousands of ratings take milliseconds.
/// </summary>
public static class Agreement
{
    /// <summary>Below this, Krippendorff suggests drawing only tentative conclusions from the labels.</summary>
    public const double AcceptableFloor = 0.667;

    public static AgreementReport Measure(IReadOnlyList<Rating> ratings)
    {
        var sums = new AgreementSums(ratings);
        var perCategory = sums.Categories
            .Select((category, k) => new CategoryAgreement(category, sums.FleissKappa(k), sums.KrippendorffAlpha(k)))
            .ToList();
        return new AgreementReport(
            sums.Pairs(), sums.FleissKappa(null), sums.KrippendorffAlpha(null), sums.PairableUnits, perCategory);
    }

    /// <summary>Cohen's kappa of two raters' decisions on the same units, given as (A's, B's) pairs.</summary>
    public static double? CohensKappa(IReadOnlyList<(int A, int B)> decisions)
    {
        var categories = decisions.SelectMany(d => new[] { d.A, d.B }).Distinct().Order().ToList();
        var index = categories.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        var table = new int[categories.Count * categories.Count];
        foreach (var (a, b) in decisions)
        {
            table[index[a] * categories.Count + index[b]]++;
        }
        return CohensKappa(table, categories.Count);
    }

    /// <summary>Cohen's kappa from a square table of counts: row = first rater's category, column = second's.</summary>
    internal static double? CohensKappa(int[] table, int categoryCount)
    {
        var n = (double)table.Sum();
        if (n == 0)
        {
            return null;
        }

        var observed = 0.0;
        var expected = 0.0;
        for (var k = 0; k < categoryCount; k++)
        {
            observed += table[k * categoryCount + k] / n;
            var rowShare = 0.0;
            var columnShare = 0.0;
            for (var j = 0; j < categoryCount; j++)
            {
                rowShare += table[k * categoryCount + j] / n;
                columnShare += table[j * categoryCount + k] / n;
            }
            expected += rowShare * columnShare;
        }
        return expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
    }
}
