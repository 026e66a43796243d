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
            var crossValidated = new HeldOut(set.ClassCount);
            for (var fold = 0; fold < FoldCount; fold++)
            {
                var isTest = folds.Select(f => f == fold).ToArray();
                TrainAndTest(trainer, set, isTest, crossValidated, ct);
            }

            return crossValidated.Result($"{FoldCount}-fold cross-validation", set.Count);
        }

        var holdOut = StratifiedSplits.HoldOut(set.Labels, HoldOutFraction, seed);
        var heldOut = new HeldOut(set.ClassCount);
        TrainAndTest(trainer, set, holdOut, heldOut, ct);
        return heldOut.Result($"{HoldOutFraction * 100:F0}% stratified hold-out", set.Count);
    }

    /// <summary>Trains on the rows not marked as test and counts its predictions on the others.</summary>
    private static void TrainAndTest(
        ClassifierTrainer trainer, LabeledSet set, bool[] isTest, HeldOut heldOut, CancellationToken ct)
    {
        var trainRows = Enumerable.Range(0, set.Count).Where(i => !isTest[i]).ToArray();
        var testRows = Enumerable.Range(0, set.Count).Where(i => isTest[i]).ToArray();
        if (testRows.Length == 0 || trainRows.Length == 0)
        {
            return;
        }

        ct.ThrowIfCancellationRequested();
        var classifier = trainer.Train(set.Subset(trainRows), ct);
        var probabilities = classifier.PredictProbabilityMatrix(testRows.Select(i => set.Features[i]).ToArray());
        for (var j = 0; j < testRows.Length; j++)
        {
            heldOut.Add(set.Labels[testRows[j]], probabilities[j]);
        }
    }

    /// <summary>The held-out predictions: counted by actual and predicted class, and with their confidence.</summary>
    private sealed class HeldOut(int classCount)
    {
        private readonly int[][] _confusion =
            Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();
        private readonly List<double> _confidences = [];
        private readonly List<bool> _right = [];

        public void Add(int actual, ReadOnlySpan<float> probabilities)
        {
            var predicted = Classifier.ArgMax(probabilities);
            _confusion[actual][predicted]++;
            _confidences.Add(probabilities[predicted]);
            _right.Add(actual == predicted);
        }

        public AccuracyEstimate Result(string method, int labelCount)
        {
            if (_right.Count == 0)
            {
                return new AccuracyEstimate(double.NaN, "too few labels to estimate", labelCount, _confusion);
            }

            var accuracy = _right.Count(r => r) / (double)_right.Count;
            return new AccuracyEstimate(accuracy, method, labelCount, _confusion)
            {
                Calibration = ConfidenceCalibration.Fit(_confidences, _right),
            };
        }
    }
}
