using System.Diagnostics;
using LabelStudio.Benchmarks.Images;
using LabelStudio.Ml;
using LabelStudio.Ml.Images;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Benchmarks;

/// <summary>
/// One active-learning round at a fixed label count on Fashion-MNIST (60k × 784): retrain, score
/// the unlabeled rest, rank. Repeated, medians printed, then the scikit-learn reference alongside.
/// </summary>
internal static class AlRoundBenchmark
{
    private const int ClassCount = 10;

    public static int Run(BenchArgs args)
    {
        var labels = args.Int("labels", 1000);
        var repeats = args.Int("repeats", 3);
        var strategy = QueryStrategyNames.Parse(args.Text("strategy", "margin"));
        var options = TrainerFrom(args);

        // 1. Data: pixels through the featurizer (standardized on the pool) or images through the embedder.
        var data = args.Text("features") is null
            ? PixelData.Load(args.Text("data", FashionMnist.DefaultDirectory))
            : EmbeddedData(args);
        Console.WriteLine($"trainer: {options}");

        // 2. Ours, after one untimed round so JIT compilation is not billed to the first repeat.
        var round = new RoundRunner(data, labels, strategy, options);
        round.Run(seed: -1, warm: false);
        var rounds = Enumerable.Range(0, repeats).Select(rep => round.Run(rep, args.Has("warm"))).ToArray();
        var estimates = Enumerable.Range(0, repeats).Select(round.TimeEstimate).ToArray();
        RoundReport.PrintOurs(rounds, Stats.Median(estimates), labels, data.Pool.Length - labels);
        var coldStart = Enumerable.Range(0, repeats)
            .Select(seed => Stats.Seconds(() => DiverseSampler.Pick(data.Pool, 50, seed)));
        Console.WriteLine($"  median cold-start pick of 50 from {data.Pool.Length}: {Stats.Median(coldStart):F3} s");

        // 3. The reference right after ours, so both see the same machine load.
        if (args.Text("reference") is { } script)
        {
            var name = QueryStrategyNames.ToName(strategy);
            var reference = ReferenceBench.Run(script, labels, data.Pool.Length - labels, name, repeats);
            RoundReport.PrintComparison(rounds, reference);
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.WriteLine($"peak working set: {peak:F0} MiB (includes the 47M-cell string table)");
        return 0;
    }

    /// <summary>--rows pictures of the training split and the first 2,000 of t10k, embedded.</summary>
    private static PixelData EmbeddedData(BenchArgs args)
    {
        var (pictures, labels) = SimulateBenchmark.Subset(args);
        var test = FashionMnist.Load(args.Text("data", FashionMnist.DefaultDirectory), "t10k");
        var testPictures = test.Images[..2000];
        var pool = ImageSimulateBenchmark.Embeddings(pictures, "train", args);
        var testVectors = ImageSimulateBenchmark.Embeddings(testPictures, "t10k", args);
        Console.WriteLine($"embedded {pool.Length} x {pool[0].Length} (+{testVectors.Length} test)");
        return new PixelData(pool, labels, testVectors, test.Labels[..2000]);
    }

    private static TrainerOptions TrainerFrom(BenchArgs args)
    {
        // Embedded images train with the app's settings for their embedder.
        var defaults = args.Text("features") == "resnet"
            ? TrainerOptions.ForEmbedder(ImageEmbedderNames.ResNet18)
            : TrainerOptions.Default;
        return new TrainerOptions
        {
            L2Regularization = args.Float("l2", defaults.L2Regularization),
            OptimizationTolerance = args.Float("tol", defaults.OptimizationTolerance),
            HistorySize = args.Int("history", defaults.HistorySize),
            MaximumIterations = args.Int("max-iter", defaults.MaximumIterations),
            Threads = args.Has("threads") ? args.Int("threads", 0) : null,
        };
    }

    private sealed record PixelData(float[][] Pool, int[] PoolLabels, float[][] Test, int[] TestLabels)
    {
        public static PixelData Load(string directory)
        {
            var clock = Stopwatch.StartNew();
            var train = FashionMnist.Load(directory, "train");
            var test = FashionMnist.Load(directory, "t10k");
            var poolRows = PixelTable.Rows(train.Images);
            var featurizer = TabularFeaturizer.Fit(PixelTable.Columns(train.Images[0].Length), poolRows);
            var pool = featurizer.TransformAll(poolRows);
            var testRows = featurizer.TransformAll(PixelTable.Rows(test.Images));
            Console.WriteLine($"featurized {pool.Length} x {featurizer.Dimensions} (+{testRows.Length} test) " +
                $"in {clock.Elapsed.TotalSeconds:F1} s");
            return new PixelData(pool, train.Labels, testRows, test.Labels);
        }
    }

    private sealed class RoundRunner(PixelData data, int labels, QueryStrategy strategy, TrainerOptions options)
    {
        private readonly ClassifierTrainer _trainer = new(options);

        public RoundTiming Run(int seed, bool warm)
        {
            var (set, unlabeled) = Split(seed);
            Classifier classifier = null!;
            float[][] probabilities = null!;
            var train = Stats.Seconds(() => classifier = _trainer.Train(set, CancellationToken.None));
            var score = Stats.Seconds(() => probabilities = classifier.PredictProbabilities(unlabeled));
            var rank = Stats.Seconds(() => PoolRanker.Rank(probabilities, strategy, seed));
            var timing = new RoundTiming(train, score, rank, Accuracy(classifier), null, null);
            if (!warm)
            {
                return timing;
            }

            // Warm start as in a real round: the previous model saw all but the last batch of 50.
            var earlier = set.Subset(Enumerable.Range(0, labels - 50).ToArray());
            var previous = _trainer.Train(earlier, CancellationToken.None);
            Classifier warmed = null!;
            var warmTrain = Stats.Seconds(() => warmed = _trainer.Train(set, CancellationToken.None, previous));
            return timing with { WarmTrain = warmTrain, WarmAccuracy = Accuracy(warmed) };
        }

        public double TimeEstimate(int seed)
        {
            var (set, _) = Split(seed);
            AccuracyEstimate estimate = null!;
            var seconds = Stats.Seconds(
                () => estimate = AccuracyEstimator.Estimate(set, seed, CancellationToken.None, options));
            Console.WriteLine(
                $"  estimate rep {seed}: {estimate.Method}, accuracy {estimate.Accuracy:F4}, {seconds:F2} s");
            return seconds;
        }

        private (LabeledSet Set, float[][] Unlabeled) Split(int seed)
        {
            var order = Enumerable.Range(0, data.Pool.Length).ToArray();
            new Random(1000 + seed).Shuffle(order);
            var labeled = order[..labels];
            var rows = labeled.Select(i => data.Pool[i]).ToArray();
            var set = new LabeledSet(rows, labeled.Select(i => data.PoolLabels[i]).ToArray(), ClassCount);
            return (set, order[labels..].Select(i => data.Pool[i]).ToArray());
        }

        private double Accuracy(Classifier classifier) =>
            classifier.Predict(data.Test).Zip(data.TestLabels).Count(p => p.First == p.Second)
                / (double)data.TestLabels.Length;
    }
}
