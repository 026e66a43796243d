namespace LabelStudio.Ml.Simulation;

/// <summary>
/// Pool-based replay on a fully labeled table: hide the labels, let a strategy ask for them batch
/// by batch, and record test accuracy against the number of labels used.
/// </summary>
public static class ActiveLearningSimulation
{
    public static SimulationResult Run(
        IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classCount, SimulationOptions options,
        IProgress<SimulationProgress>? progress = null, CancellationToken ct = default)
    {
        Validate(features, labels, options);
        var runs = new List<SimulationRun>();
        foreach (var seed in options.Seeds)
        {
            var split = SplitFor(labels, options, seed);
            foreach (var strategy in options.Strategies)
            {
                var curve = RunOne(features, labels, classCount, options, strategy, seed, split, progress, ct);
                runs.Add(new SimulationRun(strategy, seed, curve));
            }
        }

        return new SimulationResult(runs);
    }

    /// <summary>
    /// Accuracy on the seed's test split of a model trained on its whole pool: the ceiling that
    /// "labels to reach X%" is measured against.
    /// </summary>
    public static double FullPoolAccuracy(
        IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classCount, SimulationOptions options,
        int seed, CancellationToken ct = default)
    {
        Validate(features, labels, options);
        var (pool, test) = SplitFor(labels, options, seed);
        var classifier = new ClassifierTrainer(options.Trainer).Train(Rows(features, labels, pool, classCount), ct);
        return TestAccuracy(classifier, features, labels, test);
    }

    private static List<CurvePoint> RunOne(
        IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classCount, SimulationOptions options,
        QueryStrategy strategy, int seed, (int[] Pool, int[] Test) split,
        IProgress<SimulationProgress>? progress, CancellationToken ct)
    {
        // 1. Seed set: the head of the app's cold-start spread of the pool, drawn with the run's seed,
        // the same for every strategy.
        var poolRows = split.Pool.Select(i => features[i]).ToArray();
        var spread = DiverseSampler.Pick(poolRows, Math.Max(options.ColdStartSpread, options.SeedSize), seed);
        var labeled = spread.Take(options.SeedSize).Select(p => split.Pool[p]).ToList();
        var unlabeled = split.Pool.Except(labeled).Order().ToList();

        var trainer = new ClassifierTrainer(options.Trainer);
        var curve = new List<CurvePoint>();
        Classifier? previous = null;
        for (var round = 0; round <= options.Rounds; round++)
        {
            // 2. Train on the labels so far and measure on the held-out test rows.
            ct.ThrowIfCancellationRequested();
            var classifier = trainer.Train(Rows(features, labels, labeled, classCount), ct, previous);
            previous = classifier;
            var point = new CurvePoint(labeled.Count, TestAccuracy(classifier, features, labels, split.Test));
            curve.Add(point);
            progress?.Report(new SimulationProgress(strategy, seed, round, options.Rounds, point));
            if (round == options.Rounds || unlabeled.Count == 0)
            {
                break;
            }

            // 3. Rank the unlabeled pool and reveal the labels of the top batch.
            var ranked = Rank(classifier, features, unlabeled, strategy, options, seed * 10_007 + round);
            var batch = ranked.Top(Math.Min(options.BatchSize, unlabeled.Count)).Select(p => unlabeled[p]).ToArray();
            labeled.AddRange(batch);
            unlabeled = unlabeled.Except(batch).ToList();
        }

        return curve;
    }

    private static RankedPool Rank(
        Classifier classifier, IReadOnlyList<float[]> features, List<int> unlabeled, QueryStrategy strategy,
        SimulationOptions options, int seed)
    {
        if (strategy == QueryStrategy.Random)
        {
            return PoolRanker.Shuffle(unlabeled.Count, seed);
        }

        var rows = unlabeled.Select(i => features[i]).ToArray();
        if (classifier.IsDegenerate)
        {
            // As in the app: with one class labeled the model has nothing to say, so spread out.
            return ColdStart(rows, options.BatchSize, seed);
        }

        var ranked = PoolRanker.Rank(classifier.PredictProbabilities(rows), strategy, seed);
        return options.Diversity ? PoolRanker.Diversify(ranked, rows, options.BatchSize, seed) : ranked;
    }

    private static RankedPool ColdStart(float[][] rows, int batchSize, int seed)
    {
        var picked = DiverseSampler.Pick(rows, batchSize, seed);
        var scores = new float[rows.Length];
        foreach (var row in picked)
        {
            scores[row] = 1f;
        }

        var rest = Enumerable.Range(0, rows.Length).Where(i => scores[i] == 0f);
        return new RankedPool(scores, [.. picked, .. rest]);
    }

    private static (int[] Pool, int[] Test) SplitFor(IReadOnlyList<int> labels, SimulationOptions options, int seed)
    {
        var isTest = StratifiedSplits.HoldOut(labels, options.TestFraction, seed);
        var all = Enumerable.Range(0, labels.Count);
        return (all.Where(i => !isTest[i]).ToArray(), all.Where(i => isTest[i]).ToArray());
    }

    private static LabeledSet Rows(
        IReadOnlyList<float[]> features, IReadOnlyList<int> labels, IEnumerable<int> rows, int classCount) =>
        new(rows.Select(i => features[i]).ToArray(), rows.Select(i => labels[i]).ToArray(), classCount);

    private static double TestAccuracy(
        Classifier classifier, IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int[] test)
    {
        var predicted = classifier.Predict(test.Select(i => features[i]).ToArray());
        return test.Where((row, j) => predicted[j] == labels[row]).Count() / (double)test.Length;
    }

    private static void Validate(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, SimulationOptions options)
    {
        if (features.Count != labels.Count)
        {
            throw new ArgumentException($"{features.Count} feature rows but {labels.Count} labels.");
        }

        if (options.SeedSize < 1 || options.BatchSize < 1 || options.Rounds < 0)
        {
            throw new ArgumentException("Seed size and batch size must be positive and rounds not negative.");
        }

        if (options.TestFraction is <= 0 or >= 1)
        {
            throw new ArgumentException("The test fraction must lie strictly between 0 and 1.");
        }
    }
}
