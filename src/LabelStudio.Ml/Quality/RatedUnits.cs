namespace LabelStudio.Ml;

/// <summary>Ratings grouped by unit, one per rater (the later one wins), in unit order.</summary>
internal sealed class RatedUnits
{
    private RatedUnits(IReadOnlyList<Rating[]> pairable, IReadOnlyList<int> categories)
    {
        Pairable = pairable;
        Categories = categories;
    }

    /// <summary>Units rated by at least two raters: the only ones that say anything about agreement.</summary>
    public IReadOnlyList<Rating[]> Pairable { get; }

    public int PairableCount => Pairable.Count;

    /// <summary>Every category used in a pairable unit, ascending.</summary>
    public IReadOnlyList<int> Categories { get; }

    public static RatedUnits From(IReadOnlyList<Rating> ratings)
    {
        var latest = new Dictionary<(int Unit, int Rater), Rating>(ratings.Count);
        foreach (var rating in ratings)
        {
            latest[(rating.Unit, rating.Rater)] = rating;
        }

        var pairable = latest.Values
            .GroupBy(r => r.Unit)
            .Where(g => g.Count() >= 2)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(r => r.Rater).ToArray())
            .ToList();
        return new RatedUnits(pairable, Distinct(pairable));
    }

    /// <summary>The same units with <paramref name="category"/> as 1 and every other category as 0.</summary>
    public RatedUnits OneVersusRest(int category)
    {
        var binary = Pairable
            .Select(unit => unit.Select(r => r with { Category = r.Category == category ? 1 : 0 }).ToArray())
            .ToList();
        return new RatedUnits(binary, Distinct(binary));
    }

    private static List<int> Distinct(IEnumerable<Rating[]> units) =>
        units.SelectMany(u => u).Select(r => r.Category).Distinct().Order().ToList();
}
