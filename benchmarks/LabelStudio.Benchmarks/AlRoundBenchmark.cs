using System.Diagnostics;
using LabelStudio.Ml;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Benchmarks;

/// <summary>
/// One active-learning round at a fixed label count on Fashion-MNIST (60k × 784): retrain, score
/// the unlabeled rest, rank. Repeated, medians printed, then the scikit-learn reference alongside.
/// </summary>
internal static class AlRoundBenchmark
{
    private sealed record Round(double Train, double Score, double Rank, double Accuracy, double? WarmTrain, double? WarmAccuracy);

    public static int Run(BenchArgs args)
    {
        var labels = args.Int("labels", 1000);
        var repeats = args.Int("repeats", 3);
        var strategy = QueryStrategyNames.Parse(args.Text("strategy", "margin"));
        var options = new TrainerOptions
        {
            L2Regularization = args.Float("l2", TrainerOptions.Default.L2Regularization),
            OptimizationTolerance = args.Float("tol", TrainerOptions.Default.OptimizationTolerance),
            HistorySize = args.Int("history", TrainerOptions.Default.HistorySize),
            MaximumIterations = args.Int("max-iter", TrainerOptions.Default.MaximumIterations),
            Threads = args.Has("threads") ? args.Int("threads", 0) : null,
        };

        // 1. Data: the pool through the featurizer (standardized on the pool), the test split likewise.
        var directory = args.Text("data", FashionMnist.DefaultDirectory);
        var (pool, poolLabels, test, testLabels) = Featurize(directory);
        Console.WriteLine($"trainer: {options}");

        // 2. Ours (after one untimed round, so JIT compilation is not billed to the first repeat),
        //    then the reference right after, so both see the same machine load.
        OneRound(pool, poolLabels, test, testLabels, labels, -1, strategy, options, warm: false);
        var rounds = Enumerable.Range(0, repeats)
            .Select(rep => OneRound(pool, poolLabels, test, testLabels, labels, rep, strategy, options, args.Has("warm")))
            .ToArray();
        var estimate = Stats.Median(Enumerable.Range(0, repeats).Select(rep => TimeEstimate(pool, poolLabels, labels, rep, options)));
        PrintOurs(rounds, estimate, labels, pool.Length - labels);

        if (args.Text("reference") is { } script)
        {
            var reference = ReferenceBench.Run(script, labels, pool.Length - labels, QueryStrategyNames.ToName(strategy), repeats);
            PrintComparison(rounds, reference);
        }

        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
        return 0;
    }

    private static (float[][] Pool, int[] PoolLabels, float[][] Test, int[] TestLabels) Featurize(string directory)
    {
        var clock = Stopwatch.StartNew();
        var train = FashionMnist.Load(directory, "train");
        var test = FashionMnist.Load(directory, "t10k");
        var columns = PixelTable.Columns(train.Images[0].Length);
        var poolRows = PixelTable.Rows(train.Images);
        var featurizer = TabularFeaturizer.Fit(columns, poolRows);
        var pool = featurizer.TransformAll(poolRows);
        var testRows = featurizer.TransformAll(PixelTable.Rows(test.Images));
        Console.WriteLine($"featurized {pool.Length} x {featurizer.Dimensions} (+{testRows.Length} test) in {clock.Elapsed.TotalSeconds:F1} s");
        return (pool, train.Labels, testRows, test.Labels);
    }

    private static Round OneRound(
        float[][] pool, int[] poolLabels, float[][] test, int[] testLabels, int labels, int rep,
        QueryStrategy strategy, TrainerOptions options, bool warm)
    {
        var (labeled, unlabeled) = RandomSplit(pool.Length, labels, rep);
        var set = new LabeledSet(labeled.Select(i => pool[i]).ToArray(), labeled.Select(i => poolLabels[i]).ToArray(), 10);
        var unlabeledRows = unlabeled.Select(i => pool[i]).ToArray();
        var trainer = new ClassifierTrainer(options);

        Classifier classifier = null!;
        float[][] probabilities = null!;
        var train = Stats.Seconds(() => classifier = trainer.Train(set, CancellationToken.None));
        var score = Stats.Seconds(() => probabilities = classifier.PredictProbabilities(unlabeledRows));
        var rank = Stats.Seconds(() => PoolRanker.Rank(probabilities, strategy, rep));
        var accuracy = Accuracy(classifier, test, testLabels);

        // Warm start as in a real round: the previous model saw all but the last batch of 50.
        if (!warm)
        {
            return new Round(train, score, rank, accuracy, null, null);
        }

        var previous = trainer.Train(set.Subset(Enumerable.Range(0, labels - 50).ToArray()), CancellationToken.None);
        Classifier warmed = null!;
        var warmTrain = Stats.Seconds(() => warmed = trainer.Train(set, CancellationToken.None, previous));
        return new Round(train, score, rank, accuracy, warmTrain, Accuracy(warmed, test, testLabels));
    }

    private static double TimeEstimate(float[][] pool, int[] poolLabels, int labels, int rep, TrainerOptions options)
    {
        var (labeled, _) = RandomSplit(pool.Length, labels, rep);
        var set = new LabeledSet(labeled.Select(i => pool[i]).ToArray(), labeled.Select(i => poolLabels[i]).ToArray(), 10);
        AccuracyEstimate estimate = null!;
        var seconds = Stats.Seconds(() => estimate = AccuracyEstimator.Estimate(set, rep, CancellationToken.None, options));
        Console.WriteLine($"  estimate rep {rep}: {estimate.Method} accuracy {estimate.Accuracy:F4} in {seconds:F2} s");
        return seconds;
    }

    private static (int[] Labeled, int[] Unlabeled) RandomSplit(int count, int labels, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(1000 + seed).Shuffle(order);
        return (order[..labels], order[labels..]);
    }

    private static double Accuracy(Classifier classifier, float[][] rows, int[] labels) =>
        classifier.Predict(rows).Zip(labels).Count(p => p.First == p.Second) / (double)labels.Length;

    private static void PrintOurs(Round[] rounds, double estimate, int labels, int unlabeled)
    {
        Console.WriteLine($"ours: {labels} labels, {unlabeled} scored, {rounds.Length} repeats (medians)");
        foreach (var r in rounds)
        {
            var warm = r.WarmTrain is { } w ? $"  warm train {w:F3} s acc {r.WarmAccuracy:F4}" : "";
            Console.WriteLine($"  train {r.Train:F3} s  score {r.Score:F3} s  rank {r.Rank:F3} s  test acc {r.Accuracy:F4}{warm}");
        }

        Console.WriteLine($"  median train {Stats.Median(rounds.Select(r => r.Train)):F3} s, score {Stats.Median(rounds.Select(r => r.Score)):F3} s, " +
            $"rank {Stats.Median(rounds.Select(r => r.Rank)):F3} s, round {Stats.Median(rounds.Select(Total)):F3} s, " +
            $"test acc {Stats.Median(rounds.Select(r => r.Accuracy)):F4}");
        if (rounds[0].WarmTrain is not null)
        {
            Console.WriteLine($"  median warm-start train {Stats.Median(rounds.Select(r => r.WarmTrain!.Value)):F3} s, " +
                $"test acc {Stats.Median(rounds.Select(r => r.WarmAccuracy!.Value)):F4}");
        }

        Console.WriteLine($"  median accuracy estimate {estimate:F3} s");
    }

    private static void PrintComparison(Round[] rounds, ReferenceBench.Result reference)
    {
        var theirs = Stats.Median(reference.RefitSeconds) + Stats.Median(reference.RankSeconds);
        var ours = Stats.Median(rounds.Select(Total));
        Console.WriteLine($"scikit-learn: refits {string.Join(" ", reference.RefitSeconds.Select(s => s.ToString("F3")))} s, " +
            $"ranks {string.Join(" ", reference.RankSeconds.Select(s => s.ToString("F3")))} s, " +
            $"test acc {Stats.Median(reference.Accuracies):F4}");
        Console.WriteLine($"round (train + score + rank): ours {ours:F3} s, scikit-learn {theirs:F3} s, ratio ours/theirs {ours / theirs:F2}");
    }

    private static double Total(Round r) => r.Train + r.Score + r.Rank;
}
