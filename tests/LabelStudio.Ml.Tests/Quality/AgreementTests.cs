namespace LabelStudio.Ml.Tests.Quality;

/// <summary>Every expected value below is worked out by hand in the comment above it.</summary>
public sealed class AgreementTests
{
    private const int Yes = 1, No = 0;
    private const int A = 0, B = 1, C = 2;

    [Fact]
    public void CohensKappaMatchesTheTextbookTable()
    {
        // 50 items: both yes 20, A yes / B no 5, A no / B yes 10, both no 15.
        // p_o = (20 + 15) / 50 = 0.70
        // A says yes 25/50 = 0.5, B says yes 30/50 = 0.6
        // p_e = 0.5·0.6 + 0.5·0.4 = 0.50
        // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
        var decisions = Repeat((Yes, Yes), 20)
            .Concat(Repeat((Yes, No), 5))
            .Concat(Repeat((No, Yes), 10))
            .Concat(Repeat((No, No), 15))
            .ToList();

        Assert.Equal(0.40, Agreement.CohensKappa(decisions)!.Value, precision: 10);
    }

    [Fact]
    public void PerfectAgreementIsOneOnEveryCoefficient()
    {
        // Two raters, three categories, the same decision on all six units:
        // p_o = 1, p_e = 3 · (2/6)² = 1/3, kappa = (1 - 1/3) / (1 - 1/3) = 1;
        // no disagreeing coincidences, so alpha = 1 - 11 · 0 / … = 1.
        var ratings = TwoRaters((A, A), (A, A), (B, B), (B, B), (C, C), (C, C));

        var report = Agreement.Measure(ratings);

        Assert.Equal(1.0, Assert.Single(report.Pairs).Kappa!.Value, precision: 10);
        Assert.Equal(1.0, report.FleissKappa!.Value, precision: 10);
        Assert.Equal(1.0, report.KrippendorffAlpha!.Value, precision: 10);
        Assert.False(report.IsBelowFloor);
    }

    [Fact]
    public void ChanceLevelAgreementIsZeroKappa()
    {
        // A: Y Y N N, B: Y N Y N. p_o = 2/4 = 0.5; each says yes half the time,
        // p_e = 0.5·0.5 + 0.5·0.5 = 0.5; kappa = (0.5 - 0.5) / 0.5 = 0.
        // Fleiss: P_i = 1, 0, 0, 1 → P̄ = 0.5; p_yes = 4/8 → P_e = 0.5 → kappa 0.
        // Alpha: o_YY = 2, o_NN = 2, o_YN = o_NY = 2; n_Y = n_N = 4, n = 8:
        // 1 - (8 - 1) · 4 / (2 · 4 · 4) = 1 - 28/32 = 0.125 (alpha corrects for the small sample).
        var ratings = TwoRaters((Yes, Yes), (Yes, No), (No, Yes), (No, No));

        var report = Agreement.Measure(ratings);

        Assert.Equal(0.0, Assert.Single(report.Pairs).Kappa!.Value, precision: 10);
        Assert.Equal(0.0, report.FleissKappa!.Value, precision: 10);
        Assert.Equal(0.125, report.KrippendorffAlpha!.Value, precision: 10);
        Assert.True(report.IsBelowFloor);
    }

    [Fact]
    public void ThreeRatersOnFourUnitsGiveFleissAndAlphaByHand()
    {
        // Units (yes count of 3): 3, 2, 1, 0.
        // Fleiss: P_i = Σ n_ij(n_ij - 1) / (3·2): 6/6, 2/6, 2/6, 6/6 → P̄ = (8/3)/4 = 2/3;
        //   p_yes = 6/12 = 0.5 → P_e = 0.25 + 0.25 = 0.5; kappa = (2/3 - 1/2) / (1/2) = 1/3.
        // Alpha: each ordered pair weighs 1/(3-1). o_YY = 3 + 1 = 4, o_NN = 1 + 3 = 4,
        //   o_YN = o_NY = 1 + 1 = 2; n_Y = n_N = 6, n = 12:
        //   1 - 11 · 4 / (6·6 + 6·6) = 1 - 44/72 = 7/18.
        Rating[] ratings =
        [
            new(0, 0, Yes), new(0, 1, Yes), new(0, 2, Yes),
            new(1, 0, Yes), new(1, 1, Yes), new(1, 2, No),
            new(2, 0, Yes), new(2, 1, No), new(2, 2, No),
            new(3, 0, No), new(3, 1, No), new(3, 2, No),
        ];

        var report = Agreement.Measure(ratings);

        Assert.Equal(1.0 / 3, report.FleissKappa!.Value, precision: 10);
        Assert.Equal(7.0 / 18, report.KrippendorffAlpha!.Value, precision: 10);
        Assert.Equal(4, report.PairableUnits);
        Assert.Equal(3, report.Pairs.Count);
    }

    [Fact]
    public void AlphaUsesUnitsWithMissingRatingsAndDropsUnitsRatedOnce()
    {
        // u0: Y Y –   (m = 2) → o_YY += 2
        // u1: Y N N   (m = 3) → o_YN += 1, o_NY += 1, o_NN += 1
        // u2: N – N   (m = 2) → o_NN += 2
        // u3: Y – –   (m = 1) → not pairable, left out
        // o_YY = 2, o_YN = o_NY = 1, o_NN = 3; n_Y = 3, n_N = 4, n = 7:
        // alpha = 1 - 6 · 2 / (3·4 + 4·3) = 1 - 12/24 = 0.5
        Rating[] ratings =
        [
            new(0, 0, Yes), new(0, 1, Yes),
            new(1, 0, Yes), new(1, 1, No), new(1, 2, No),
            new(2, 0, No), new(2, 2, No),
            new(3, 0, Yes),
        ];

        var report = Agreement.Measure(ratings);

        Assert.Equal(0.5, report.KrippendorffAlpha!.Value, precision: 10);
        Assert.Equal(3, report.PairableUnits);
    }

    [Fact]
    public void AlphaMatchesKrippendorffsPublishedExampleWithMissingValues()
    {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers × 12
        // units example with gaps; the paper gives nominal alpha = 0.743.
        int?[][] observers =
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
            [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
        ];
        var ratings = observers
            .SelectMany((values, rater) => values.Select((value, unit) => (value, unit, rater)))
            .Where(x => x.value is not null)
            .Select(x => new Rating(x.unit, x.rater, x.value!.Value))
            .ToList();

        var alpha = Agreement.Measure(ratings).KrippendorffAlpha!.Value;

        Assert.Equal(0.743, alpha, precision: 3);
    }

    [Fact]
    public void PerClassAgreementIsOneVersusRest()
    {
        // Two raters: (A,A) (A,A) (B,B) (B,C) (C,C) (C,B).
        // Overall Cohen: p_o = 4/6; each rater uses each class 2/6 → p_e = 3 · 1/9 = 1/3;
        //   kappa = (2/3 - 1/3) / (2/3) = 0.5. Fleiss with two raters is the same: 0.5.
        // Overall alpha: o_AA = 4, o_BB = 2, o_CC = 2, o_BC = o_CB = 2; n_A = n_B = n_C = 4, n = 12:
        //   1 - 11 · 4 / (144 - 3·16) = 1 - 44/96 = 13/24.
        // A vs rest: every unit agrees → alpha 1, Fleiss 1.
        // B vs rest: o_BB = 2, o_B¬ = o_¬B = 2, o_¬¬ = 6; n_B = 4, n_¬ = 8:
        //   alpha = 1 - 11 · 4 / (2 · 4 · 8) = 1 - 44/64 = 0.3125.
        var ratings = TwoRaters((A, A), (A, A), (B, B), (B, C), (C, C), (C, B));

        var report = Agreement.Measure(ratings);

        Assert.Equal(0.5, Assert.Single(report.Pairs).Kappa!.Value, precision: 10);
        Assert.Equal(0.5, report.FleissKappa!.Value, precision: 10);
        Assert.Equal(13.0 / 24, report.KrippendorffAlpha!.Value, precision: 10);
        Assert.Equal([A, B, C], report.PerCategory.Select(c => c.Category));
        Assert.Equal(1.0, report.PerCategory[A].KrippendorffAlpha!.Value, precision: 10);
        Assert.Equal(1.0, report.PerCategory[A].FleissKappa!.Value, precision: 10);
        Assert.Equal(0.3125, report.PerCategory[B].KrippendorffAlpha!.Value, precision: 10);
    }

    [Fact]
    public void OneCategoryOnlyLeavesAgreementUndefined()
    {
        // Both raters say yes on everything: p_e = 1, so kappa's denominator 1 - p_e is 0, and
        // alpha's expected disagreement Σ n_c n_k over c ≠ k is 0: neither can tell skill from chance.
        var ratings = TwoRaters((Yes, Yes), (Yes, Yes), (Yes, Yes));

        var report = Agreement.Measure(ratings);

        Assert.Null(Assert.Single(report.Pairs).Kappa);
        Assert.Null(report.FleissKappa);
        Assert.Null(report.KrippendorffAlpha);
        Assert.False(report.IsBelowFloor);
    }

    [Fact]
    public void ASingleRaterHasNobodyToAgreeWith()
    {
        Rating[] ratings = [new(0, 0, Yes), new(1, 0, No), new(2, 0, Yes)];

        var report = Agreement.Measure(ratings);

        Assert.Empty(report.Pairs);
        Assert.Null(report.FleissKappa);
        Assert.Null(report.KrippendorffAlpha);
        Assert.Equal(0, report.PairableUnits);
    }

    [Fact]
    public void RatersWithoutSharedUnitsFormNoPair()
    {
        Rating[] ratings = [new(0, 0, Yes), new(1, 0, No), new(2, 1, Yes), new(3, 1, No)];

        var report = Agreement.Measure(ratings);

        Assert.Empty(report.Pairs);
        Assert.Null(report.KrippendorffAlpha);
    }

    [Fact]
    public void ARatersLaterDecisionReplacesTheirEarlierOne()
    {
        // Rater 0 first says no on unit 0, then yes: only yes counts, so the two raters agree fully
        // on (Y,Y) and (N,N): kappa = 1.
        Rating[] ratings = [new(0, 0, No), new(0, 1, Yes), new(1, 0, No), new(1, 1, No), new(0, 0, Yes)];

        var report = Agreement.Measure(ratings);

        Assert.Equal(1.0, Assert.Single(report.Pairs).Kappa!.Value, precision: 10);
    }

    private static IEnumerable<(int, int)> Repeat((int, int) decision, int count) =>
        Enumerable.Repeat(decision, count);

    private static List<Rating> TwoRaters(params (int First, int Second)[] units) =>
        units.SelectMany((u, unit) => new[] { new Rating(unit, 0, u.First), new Rating(unit, 1, u.Second) })
            .ToList();
}
