using LabelStudio.Ml;
using LabelStudio.Ml.Images;

namespace LabelStudio.Benchmarks.Images;

/// <summary>
/// How far the accuracy a lead is shown lies from the truth: at each round of the app's loop on
/// Fashion-MNIST embeddings, the held-out accuracy of the labels, the calibrated estimate over the
/// unlabeled pool, and the model's accuracy on a test split no strategy ever sees.
/// </summary>
internal static class EstimateBenchmark
{
    private sealed record Point(int Labels, double Test, double HeldOut, double Calibrated);

    public static int Run(BenchArgs args)
    {
        var (pictures, labels) = SimulateBenchmark.Subset(args);
        var features = ImageSimulateBenchmark.Embeddings(pictures, "train", args);
        var trainer = TrainerOptions.ForEmbedder(ImageEmbedderNames.ResNet18);
        var batch = args.Int("batch", 20);
        var rounds = args.Int("rounds", 50);
        var testShare = args.Float("test", 0.2f);
        foreach (var strategy in QueryStrategyNames.ParseList(args.Text("strategy", "margin,random")))
        {
            var runs = args.Ints("seeds", "0,1,2")
                .Select(seed => Replay(features, labels, strategy, seed, batch, rounds, testShare, trainer))
                .ToArray();
            Print(QueryStrategyNames.ToName(strategy), runs);
        }

        return 0;
    }

    private static List<Point> Replay(
        float[][] features, int[] labels, QueryStrategy strategy, int seed, int batch, int rounds, float testShare,
        TrainerOptions options)
    {
        var isTest = StratifiedSplits.HoldOut(labels, testShare, seed);
        var test = Enumerable.Range(0, labels.Length).Where(i => isTest[i]).ToArray();
        var pool = Enumerable.Range(0, labels.Length).Where(i => !isTest[i]).ToArray();
        var labeled = DiverseSampler.Pick(pool.Select(i => features[i]).ToArray(), 50, seed)
            .Take(batch).Select(p => pool[p]).ToList();
        var unlabeled = pool.Except(labeled).Order().ToList();
        var trainer = new ClassifierTrainer(options);
        var points = new List<Point>();
        Classifier? previous = null;
        for (var round = 0; round <= rounds; round++)
        {
            var set = new LabeledSet(
                labeled.Select(i => features[i]).ToArray(), labeled.Select(i => labels[i]).ToArray(), 10);
            var classifier = trainer.Train(set, CancellationToken.None, previous);
            previous = classifier;
            var estimate = AccuracyEstimator.Estimate(set, seed: 0, CancellationToken.None, options);
            var poolProbabilities = classifier.PredictProbabilityMatrix(unlabeled.Select(i => features[i]).ToArray());
            var predicted = classifier.Predict(test.Select(i => features[i]).ToArray());
            var testAccuracy = test.Where((row, j) => predicted[j] == labels[row]).Count() / (double)test.Length;
            var calibrated = estimate.Calibration?.ExpectedAccuracy(poolProbabilities) ?? double.NaN;
            points.Add(new Point(labeled.Count, testAccuracy, estimate.Accuracy, calibrated));

            var ranked = PoolRanker.Rank(poolProbabilities, strategy, seed * 10_007 + round);
            var next = ranked.Top(batch).Select(p => unlabeled[p]).ToArray();
            labeled.AddRange(next);
            unlabeled = unlabeled.Except(next).ToList();
        }

        return points;
    }

    private static void Print(string strategy, List<Point>[] runs)
    {
        Console.WriteLine(
            $"{strategy}: labels, test accuracy, held-out accuracy of the labels, calibrated pool estimate");
        for (var round = 0; round < runs[0].Count; round += 5)
        {
            var at = runs.Select(r => r[round]).ToArray();
            Console.WriteLine($"  {at[0].Labels,5} {at.Average(p => p.Test):F3} {at.Average(p => p.HeldOut):F3} " +
                $"{at.Average(p => p.Calibrated):F3}");
        }

        var all = runs.SelectMany(r => r).ToArray();
        Console.WriteLine($"  mean error: held-out {all.Average(p => p.HeldOut - p.Test):+0.000;-0.000}, " +
            $"calibrated {all.Average(p => p.Calibrated - p.Test):+0.000;-0.000}; mean absolute error: held-out " +
            $"{all.Average(p => Math.Abs(p.HeldOut - p.Test)):F3}, " +
            $"calibrated {all.Average(p => Math.Abs(p.Calibrated - p.Test)):F3}");
    }
}
