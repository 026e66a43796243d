namespace LabelStudio.Ml;

/// <summary>
/// Inter-annotator agreement for nominal labels. Every coefficient is null where it is undefined:
/// no unit rated twice, or every rating in the same category (expected disagreement is zero, so
/// agreement cannot be told from chance). Units rated once count for nothing; a rater listed twice
/// for one unit counts with the later rating.
/// </summary>
public static class Agreement
{
    /// <summary>Below this, Krippendorff suggests drawing only tentative conclusions from the labels.</summary>
    public const double AcceptableFloor = 0.667;

    public static AgreementReport Measure(IReadOnlyList<Rating> ratings)
    {
        var units = RatedUnits.From(ratings);
        var pairs = CohensKappas(units);
        var perCategory = units.Categories
            .Select(c =>
            {
                var binary = units.OneVersusRest(c);
                return new CategoryAgreement(c, FleissKappa(binary), KrippendorffAlpha(binary));
            })
            .ToList();
        return new AgreementReport(
            pairs, FleissKappa(units), KrippendorffAlpha(units), units.PairableCount, perCategory);
    }

    /// <summary>Cohen's kappa of two raters' decisions on the same units, given as (A's, B's) pairs.</summary>
    public static double? CohensKappa(IReadOnlyList<(int A, int B)> decisions)
    {
        if (decisions.Count == 0)
        {
            return null;
        }

        var n = (double)decisions.Count;
        var observed = decisions.Count(d => d.A == d.B) / n;
        var marginalsA = decisions.GroupBy(d => d.A).ToDictionary(g => g.Key, g => g.Count() / n);
        var expected = decisions.GroupBy(d => d.B)
            .Sum(g => g.Count() / n * marginalsA.GetValueOrDefault(g.Key));
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }

    /// <summary>Cohen's kappa for every pair of raters who share at least one unit.</summary>
    internal static List<PairAgreement> CohensKappas(RatedUnits units)
    {
        var shared = new Dictionary<(int A, int B), List<(int, int)>>();
        foreach (var unit in units.Pairable)
        {
            for (var i = 0; i < unit.Length; i++)
            {
                for (var j = i + 1; j < unit.Length; j++)
                {
                    // Raters are in ascending order within a unit, so each pair has one key.
                    var key = (unit[i].Rater, unit[j].Rater);
                    if (!shared.TryGetValue(key, out var list))
                    {
                        shared[key] = list = [];
                    }
                    list.Add((unit[i].Category, unit[j].Category));
                }
            }
        }

        return shared.OrderBy(p => p.Key)
            .Select(p => new PairAgreement(p.Key.A, p.Key.B, p.Value.Count, CohensKappa(p.Value)))
            .ToList();
    }

    /// <summary>
    /// Fleiss' kappa, generalized to units with different numbers of raters: each unit's agreement is
    /// the share of its agreeing rater pairs, averaged over units rated at least twice.
    /// </summary>
    internal static double? FleissKappa(RatedUnits units)
    {
        if (units.PairableCount == 0)
        {
            return null;
        }

        var unitAgreement = 0.0;
        var categoryTotals = new Dictionary<int, double>();
        var ratingCount = 0.0;
        foreach (var unit in units.Pairable)
        {
            var m = unit.Length;
            var agreeingPairs = unit.GroupBy(r => r.Category).Sum(g => g.Count() * (g.Count() - 1.0));
            unitAgreement += agreeingPairs / (m * (m - 1.0));
            foreach (var rating in unit)
            {
                categoryTotals[rating.Category] = categoryTotals.GetValueOrDefault(rating.Category) + 1;
            }
            ratingCount += m;
        }

        var observed = unitAgreement / units.PairableCount;
        var expected = categoryTotals.Values.Sum(total => total / ratingCount * (total / ratingCount));
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }

    /// <summary>
    /// Krippendorff's alpha for nominal data from the coincidence matrix: each unit with m ratings
    /// adds 1/(m-1) for every ordered pair of its ratings; alpha = 1 - (n-1) · disagreeing
    /// coincidences / Σ over unequal categories of n_c · n_k.
    /// </summary>
    internal static double? KrippendorffAlpha(RatedUnits units)
    {
        var totals = new Dictionary<int, double>();
        var disagreement = 0.0;
        foreach (var unit in units.Pairable)
        {
            var m = unit.Length;
            foreach (var group in unit.GroupBy(r => r.Category))
            {
                // A category's values coincide with the m-1 other values of the unit, weighted 1/(m-1).
                totals[group.Key] = totals.GetValueOrDefault(group.Key) + group.Count();
                disagreement += group.Count() * (m - group.Count()) / (m - 1.0);
            }
        }

        var n = totals.Values.Sum();
        var expectedPairs = n * n - totals.Values.Sum(t => t * t);
        return expectedPairs <= 0 ? null : 1 - (n - 1) * disagreement / expectedPairs;
    }
}
