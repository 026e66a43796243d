namespace LabelStudio.Ml;

/// <summary>
/// Estimates accuracy from the labels alone. Few labels: stratified k-fold cross-validation, since
/// a hold-out of a few dozen rows is too noisy to show. Many labels: one stratified hold-out split,
/// k times cheaper and already precise (docs/ml-engine.md has the costs).
/// </summary>
public static class AccuracyEstimator
{
    public const int FoldCount = 5;

    /// <summary>Up to this many labels cross-validation is used; above it a hold-out split.</summary>
    public const int CrossValidationLimit = 1_000;

    public const double HoldOutFraction = 0.2;

    public static AccuracyEstimate Estimate(
        LabeledSet set, int seed, CancellationToken ct, TrainerOptions? options = null)
    {
        var trainer = new ClassifierTrainer((options ?? TrainerOptions.Default) with { WarmStart = false });
        if (set.Count <= CrossValidationLimit)
        {
            var folds = StratifiedSplits.Folds(set.Labels, FoldCount, seed);
            var method = $"{FoldCount}-fold cross-validation";
            var correct = 0;
            var tested = 0;
            for (var fold = 0; fold < FoldCount; fold++)
            {
                var isTest = folds.Select(f => f == fold).ToArray();
                var (right, count) = TrainAndTest(trainer, set, isTest, ct);
                correct += right;
                tested += count;
            }

            return Result(correct, tested, method, set.Count);
        }

        var holdOut = StratifiedSplits.HoldOut(set.Labels, HoldOutFraction, seed);
        var (holdOutRight, holdOutCount) = TrainAndTest(trainer, set, holdOut, ct);
        return Result(holdOutRight, holdOutCount, $"{HoldOutFraction * 100:F0}% stratified hold-out", set.Count);
    }

    private static (int Correct, int Tested) TrainAndTest(
        ClassifierTrainer trainer, LabeledSet set, bool[] isTest, CancellationToken ct)
    {
        var trainRows = Enumerable.Range(0, set.Count).Where(i => !isTest[i]).ToArray();
        var testRows = Enumerable.Range(0, set.Count).Where(i => isTest[i]).ToArray();
        if (testRows.Length == 0 || trainRows.Length == 0)
        {
            return (0, 0);
        }

        ct.ThrowIfCancellationRequested();
        var classifier = trainer.Train(set.Subset(trainRows), ct);
        var predicted = classifier.Predict(testRows.Select(i => set.Features[i]).ToArray());
        var correct = testRows.Where((row, j) => predicted[j] == set.Labels[row]).Count();
        return (correct, testRows.Length);
    }

    private static AccuracyEstimate Result(int correct, int tested, string method, int labelCount) =>
        tested == 0
            ? new AccuracyEstimate(double.NaN, "too few labels to estimate", labelCount)
            : new AccuracyEstimate(correct / (double)tested, method, labelCount);
}
