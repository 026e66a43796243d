namespace LabelStudio.Benchmarks;

internal sealed record RoundTiming(
    double Train, double Score, double Rank, double Accuracy, double? WarmTrain, double? WarmAccuracy)
{
    public double Total => Train + Score + Rank;
}

internal static class RoundReport
{
    public static void PrintOurs(RoundTiming[] rounds, double estimate, int labels, int unlabeled)
    {
        Console.WriteLine($"ours: {labels} labels, {unlabeled} scored, {rounds.Length} repeats");
        foreach (var r in rounds)
        {
            var warm = r.WarmTrain is { } w ? $"  warm train {w:F3} s acc {r.WarmAccuracy:F4}" : "";
            Console.WriteLine($"  train {r.Train:F3} s  score {r.Score:F3} s  rank {r.Rank:F3} s  " +
                $"test acc {r.Accuracy:F4}{warm}");
        }

        Console.WriteLine($"  median train {Median(rounds, r => r.Train):F3} s, " +
            $"score {Median(rounds, r => r.Score):F3} s, " +
            $"rank {Median(rounds, r => r.Rank):F3} s, round {Median(rounds, r => r.Total):F3} s, " +
            $"test acc {Median(rounds, r => r.Accuracy):F4}");
        if (rounds[0].WarmTrain is not null)
        {
            Console.WriteLine($"  median warm-start train {Median(rounds, r => r.WarmTrain!.Value):F3} s, " +
                $"test acc {Median(rounds, r => r.WarmAccuracy!.Value):F4}");
        }

        Console.WriteLine($"  median accuracy estimate {estimate:F3} s");
    }

    public static void PrintComparison(RoundTiming[] rounds, ReferenceBench.Result reference)
    {
        var theirs = Stats.Median(reference.RefitSeconds) + Stats.Median(reference.RankSeconds);
        var ours = Median(rounds, r => r.Total);
        Console.WriteLine($"scikit-learn: refits {Join(reference.RefitSeconds)} s, " +
            $"score+rank {Join(reference.RankSeconds)} s, test acc {Stats.Median(reference.Accuracies):F4}");
        Console.WriteLine($"round (train + score + rank): ours {ours:F3} s, scikit-learn {theirs:F3} s, " +
            $"ratio ours/theirs {ours / theirs:F2}");
    }

    private static double Median(RoundTiming[] rounds, Func<RoundTiming, double> pick) =>
        Stats.Median(rounds.Select(pick));

    private static string Join(double[] seconds) => string.Join(" ", seconds.Select(s => s.ToString("F3")));
}
