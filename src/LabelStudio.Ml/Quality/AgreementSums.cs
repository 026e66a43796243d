namespace LabelStudio.Ml;

/// <summary>
/// The sums behind every agreement coefficient, for all categories together and for each category
/// against the rest, gathered in one pass over the units rated at least twice.
/// </summary>
internal sealed class AgreementSums
{
    private readonly Dictionary<(int A, int B), int[]> _pairTables = [];
    private readonly int[] _raterIds;

    // Fleiss: Σ over units of the share of agreeing rater pairs; totals per category.
    private double _unitAgreement;
    private readonly double[] _binaryUnitAgreement;
    private readonly double[] _categoryTotals;

    // Krippendorff: Σ over units of disagreeing coincidences.
    private double _disagreement;
    private readonly double[] _binaryDisagreement;

    public AgreementSums(IReadOnlyList<Rating> ratings)
    {
        Categories = ratings.Select(r => r.Category).Distinct().Order().ToArray();
        _raterIds = ratings.Select(r => r.Rater).Distinct().Order().ToArray();
        var k = Categories.Count;
        _binaryUnitAgreement = new double[k];
        _categoryTotals = new double[k];
        _binaryDisagreement = new double[k];

        var categoryIndex = Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var raterIndex = _raterIds.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var sorted = ratings
            .Select((r, order) => (r.Unit, Rater: raterIndex[r.Rater], Category: categoryIndex[r.Category], order))
            .ToArray();
        Array.Sort(sorted, (x, y) => (x.Unit, x.Rater, x.order).CompareTo((y.Unit, y.Rater, y.order)));

        var unit = new List<(int Rater, int Category)>();
        var counts = new int[k];
        for (var i = 0; i < sorted.Length; i++)
        {
            var isLastOfRater = i + 1 == sorted.Length
                || sorted[i + 1].Unit != sorted[i].Unit || sorted[i + 1].Rater != sorted[i].Rater;
            if (isLastOfRater)
            {
                unit.Add((sorted[i].Rater, sorted[i].Category));
            }
            if (i + 1 == sorted.Length || sorted[i + 1].Unit != sorted[i].Unit)
            {
                AddUnit(unit, counts);
                unit.Clear();
            }
        }
    }

    public IReadOnlyList<int> Categories { get; }

    public int PairableUnits { get; private set; }

    public List<PairAgreement> Pairs() =>
        _pairTables.OrderBy(p => p.Key)
            .Select(p => new PairAgreement(
                _raterIds[p.Key.A],
                _raterIds[p.Key.B],
                p.Value.Sum(),
                Agreement.CohensKappa(p.Value, Categories.Count)))
            .ToList();

    /// <param name="category">A category's position for that category against the rest; null for all together.</param>
    public double? FleissKappa(int? category)
    {
        if (PairableUnits == 0)
        {
            return null;
        }

        var ratingCount = _categoryTotals.Sum();
        var observed = (category is { } c ? _binaryUnitAgreement[c] : _unitAgreement) / PairableUnits;
        var expected = category is { } k
            ? Square(_categoryTotals[k] / ratingCount) + Square(1 - _categoryTotals[k] / ratingCount)
            : _categoryTotals.Sum(total => Square(total / ratingCount));
        return expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
    }

    /// <summary>
    /// Krippendorff's alpha: 1 - (n-1) · disagreeing coincidences / Σ over unequal categories n_c · n_k.
    /// </summary>
    public double? KrippendorffAlpha(int? category)
    {
        var n = _categoryTotals.Sum();
        var expectedPairs = category is { } k
            ? 2 * _categoryTotals[k] * (n - _categoryTotals[k])
            : n * n - _categoryTotals.Sum(t => t * t);
        var disagreement = category is { } c ? _binaryDisagreement[c] : _disagreement;
        return expectedPairs <= 0 ? null : 1 - (n - 1) * disagreement / expectedPairs;
    }

    private void AddUnit(List<(int Rater, int Category)> unit, int[] counts)
    {
        var m = unit.Count;
        if (m < 2)
        {
            return;
        }

        PairableUnits++;
        Array.Clear(counts);
        foreach (var (_, category) in unit)
        {
            counts[category]++;
            _categoryTotals[category]++;
        }

        var pairs = m * (m - 1.0);
        var agreeing = 0.0;
        for (var k = 0; k < counts.Length; k++)
        {
            double inside = counts[k];
            var outside = m - inside;
            agreeing += inside * (inside - 1);
            // A category's values coincide with the m-1 other values of the unit, weighted 1/(m-1).
            _disagreement += inside * outside / (m - 1.0);
            _binaryUnitAgreement[k] += (inside * (inside - 1) + outside * (outside - 1)) / pairs;
            _binaryDisagreement[k] += 2 * inside * outside / (m - 1.0);
        }
        _unitAgreement += agreeing / pairs;

        // Raters are ascending within a unit, so each pair has one key.
        for (var i = 0; i < m; i++)
        {
            for (var j = i + 1; j < m; j++)
            {
                var key = (unit[i].Rater, unit[j].Rater);
                if (!_pairTables.TryGetValue(key, out var table))
                {
                    _pairTables[key] = table = new int[counts.Length * counts.Length];
                }
                table[unit[i].Category * counts.Length + unit[j].Category]++;
            }
        }
    }

    private static double Square(double x) => x * x;
}
