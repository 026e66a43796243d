namespace LabelStudio.Ml.Tests.Evaluation;

public sealed class AccuracyEstimatorTests
{
    [Fact]
    public void FewLabelsAreCrossValidated()
    {
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 20, dimensions: 4, separation: 4f, seed: 8);

        var estimate = AccuracyEstimator.Estimate(new LabeledSet(rows, labels, 3), seed: 0, CancellationToken.None);

        Assert.Contains("cross-validation", estimate.Method);
        Assert.Equal(60, estimate.LabelCount);
        Assert.InRange(estimate.Accuracy, 0.85, 1.0);
    }

    [Fact]
    public void ConfusionMatrixCountsEveryHeldOutPredictionByActualAndPredictedClass()
    {
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 20, dimensions: 4, separation: 1.5f, seed: 8);

        var estimate = AccuracyEstimator.Estimate(new LabeledSet(rows, labels, 3), seed: 0, CancellationToken.None);

        // Cross-validation tests every row exactly once, so each actual class's row sums to its 20 rows,
        // and the diagonal over the total is the accuracy.
        Assert.Equal(3, estimate.Confusion.Length);
        Assert.All(estimate.Confusion, row => Assert.Equal(20, row.Sum()));
        var diagonal = Enumerable.Range(0, 3).Sum(k => estimate.Confusion[k][k]);
        Assert.Equal(estimate.Accuracy, diagonal / 60.0, precision: 10);
    }

    [Fact]
    public void ManyLabelsUseOneHoldOutSplit()
    {
        var perClass = AccuracyEstimator.CrossValidationLimit / 2 + 1;
        var (rows, labels) = TestData.Blobs(classCount: 2, perClass: perClass, dimensions: 3, separation: 3f, seed: 9);

        var estimate = AccuracyEstimator.Estimate(new LabeledSet(rows, labels, 2), seed: 0, CancellationToken.None);

        Assert.Contains("hold-out", estimate.Method);
        Assert.InRange(estimate.Accuracy, 0.85, 1.0);
    }

    [Fact]
    public void ClassWithOneExampleOnlyTrainsAndIsNeverTested()
    {
        var (rows, labels) = TestData.Blobs(classCount: 2, perClass: 15, dimensions: 3, separation: 4f, seed: 10);
        var set = new LabeledSet([.. rows, [9f, 9f, 9f]], [.. labels, 2], ClassCount: 3);

        var estimate = AccuracyEstimator.Estimate(set, seed: 1, CancellationToken.None);
        var folds = StratifiedSplits.Folds(set.Labels, AccuracyEstimator.FoldCount, seed: 1);

        Assert.InRange(estimate.Accuracy, 0.85, 1.0);
        Assert.Equal(-1, folds[^1]);
        Assert.DoesNotContain(-1, folds[..^1]);
    }

    [Fact]
    public void FoldsSplitEachClassEvenly()
    {
        var labels = Enumerable.Range(0, 50).Select(i => i < 30 ? 0 : 1).ToArray();

        var folds = StratifiedSplits.Folds(labels, foldCount: 5, seed: 4);

        for (var fold = 0; fold < 5; fold++)
        {
            Assert.Equal(6, Enumerable.Range(0, 30).Count(i => folds[i] == fold));
            Assert.Equal(4, Enumerable.Range(30, 20).Count(i => folds[i] == fold));
        }
    }

    [Fact]
    public void OnlySingletonClassesCannotBeEstimated()
    {
        var set = new LabeledSet([[0f], [1f]], [0, 1], ClassCount: 2);

        var estimate = AccuracyEstimator.Estimate(set, seed: 0, CancellationToken.None);

        Assert.True(double.IsNaN(estimate.Accuracy));
    }
}
