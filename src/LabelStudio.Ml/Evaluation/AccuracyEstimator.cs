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
            var crossValidated = NewConfusion(set.ClassCount);
            for (var fold = 0; fold < FoldCount; fold++)
            {
                var isTest = folds.Select(f => f == fold).ToArray();
                TrainAndTest(trainer, set, isTest, crossValidated, ct);
            }

            return Result(crossValidated, $"{FoldCount}-fold cross-validation", set.Count);
        }

        var holdOut = StratifiedSplits.HoldOut(set.Labels, HoldOutFraction, seed);
        var heldOut = NewConfusion(set.ClassCount);
        TrainAndTest(trainer, set, holdOut, heldOut, ct);
        return Result(heldOut, $"{HoldOutFraction * 100:F0}% stratified hold-out", set.Count);
    }

    /// <summary>Trains on the rows not marked as test and counts its predictions on the others.</summary>
    private static void TrainAndTest(
        ClassifierTrainer trainer, LabeledSet set, bool[] isTest, int[][] confusion, CancellationToken ct)
    {
        var trainRows = Enumerable.Range(0, set.Count).Where(i => !isTest[i]).ToArray();
        var testRows = Enumerable.Range(0, set.Count).Where(i => isTest[i]).ToArray();
        if (testRows.Length == 0 || trainRows.Length == 0)
        {
            return;
        }

        ct.ThrowIfCancellationRequested();
        var classifier = trainer.Train(set.Subset(trainRows), ct);
        var predicted = classifier.Predict(testRows.Select(i => set.Features[i]).ToArray());
        for (var j = 0; j < testRows.Length; j++)
        {
            confusion[set.Labels[testRows[j]]][predicted[j]]++;
        }
    }

    private static int[][] NewConfusion(int classCount) =>
        Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();

    private static AccuracyEstimate Result(int[][] confusion, string method, int labelCount)
    {
        var tested = confusion.Sum(row => row.Sum());
        var correct = Enumerable.Range(0, confusion.Length).Sum(k => confusion[k][k]);
        return tested == 0
            ? new AccuracyEstimate(double.NaN, "too few labels to estimate", labelCount, confusion)
            : new AccuracyEstimate(correct / (double)tested, method, labelCount, confusion);
    }
}
