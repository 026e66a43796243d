namespace LabelStudio.Ml.Tests.Training;

public sealed class ClassifierTrainerTests
{
    [Fact]
    public void TrainerLearnsSeparableBlobs()
    {
        var (trainRows, trainLabels) = TestData.Blobs(4, 30, 6, 4f, seed: 1);
        var (testRows, testLabels) = TestData.Blobs(4, 50, 6, 4f, seed: 2);

        var set = new LabeledSet(trainRows, trainLabels, 4);
        var classifier = new ClassifierTrainer().Train(set, CancellationToken.None);
        var accuracy = TestData.Accuracy(classifier.Predict(testRows), testLabels);

        Assert.True(accuracy > 0.9, $"accuracy {accuracy:F3}");
    }

    [Fact]
    public void ProbabilitiesUseOurClassIndicesWhenLabelsArriveOutOfOrderAndSomeAreMissing()
    {
        var (rows, blobLabels) = TestData.Blobs(3, 20, 3, 5f, seed: 3);
        int[] ourClassOfBlob = [4, 0, 2];
        var labels = blobLabels.Select(b => ourClassOfBlob[b]).Reverse().ToArray();
        var set = new LabeledSet(rows.Reverse().ToArray(), labels, ClassCount: 6);

        var classifier = new ClassifierTrainer().Train(set, CancellationToken.None);
        var probabilities = classifier.PredictProbabilities(rows);

        Assert.Equal([0, 2, 4], classifier.TrainedClasses);
        Assert.All(probabilities, p => Assert.Equal(6, p.Length));
        Assert.All(probabilities, p => Assert.True(p[1] == 0f && p[3] == 0f && p[5] == 0f));
        Assert.All(probabilities, p => Assert.Equal(1f, p.Sum(), 1e-4f));
        var predicted = probabilities.Select(p => Array.IndexOf(p, p.Max())).ToArray();
        var expected = blobLabels.Select(b => ourClassOfBlob[b]).ToArray();
        Assert.True(TestData.Accuracy(predicted, expected) > 0.95);
    }

    [Fact]
    public void SingleLabeledClassGivesCertainDistributionWithoutCrashing()
    {
        float[][] rows = [[1f, 2f], [3f, 4f]];
        var set = new LabeledSet(rows, [2, 2], ClassCount: 3);

        var classifier = new ClassifierTrainer().Train(set, CancellationToken.None);
        var probabilities = classifier.PredictProbabilities([[0f, 0f]]);

        Assert.True(classifier.IsDegenerate);
        Assert.Equal([0f, 0f, 1f], probabilities[0]);
    }

    [Fact]
    public void CanceledTrainingThrowsBeforeFitting()
    {
        var set = new LabeledSet([[0f], [1f]], [0, 1], ClassCount: 2);
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        var error = Record.Exception(() => new ClassifierTrainer().Train(set, canceled.Token));

        Assert.IsType<OperationCanceledException>(error);
    }

    [Fact]
    public void RowsOfTheWrongLengthAreRejectedWhenScoring()
    {
        var classifier = new ClassifierTrainer().Train(new LabeledSet([[0f, 1f], [1f, 0f]], [0, 1], 2), default);

        var error = Record.Exception(() => classifier.PredictProbabilities([[1f, 2f, 3f]]));

        Assert.IsType<ArgumentException>(error);
    }

    [Fact]
    public void ConcurrentScoringGivesTheSameProbabilities()
    {
        var (rows, labels) = TestData.Blobs(3, 2_000, 4, 2f, seed: 6);
        var classifier = new ClassifierTrainer().Train(new LabeledSet(rows[..300], labels[..300], 3), default);
        var expected = classifier.PredictProbabilities(rows);

        var results = new float[4][][];
        Parallel.For(0, results.Length, i => results[i] = classifier.PredictProbabilities(rows));

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void LabelsOutsideTheClassRangeAreRejected()
    {
        var set = new LabeledSet([[1f], [2f]], [0, 3], ClassCount: 3);

        var error = Record.Exception(() => new ClassifierTrainer().Train(set, CancellationToken.None));

        Assert.IsType<ArgumentException>(error);
    }

    [Fact]
    public void WarmStartFromPreviousRoundKeepsAccuracy()
    {
        var (rows, labels) = TestData.Blobs(3, 40, 5, 3f, seed: 4);
        var (testRows, testLabels) = TestData.Blobs(3, 40, 5, 3f, seed: 5);
        var trainer = new ClassifierTrainer();
        var previous = trainer.Train(new LabeledSet(rows[..60], labels[..60], 3), CancellationToken.None);

        var warm = trainer.Train(new LabeledSet(rows, labels, 3), CancellationToken.None, previous);
        var cold = trainer.Train(new LabeledSet(rows, labels, 3), CancellationToken.None);

        var warmAccuracy = TestData.Accuracy(warm.Predict(testRows), testLabels);
        var coldAccuracy = TestData.Accuracy(cold.Predict(testRows), testLabels);
        Assert.True(warmAccuracy >= coldAccuracy - 0.03, $"warm {warmAccuracy:F3}, cold {coldAccuracy:F3}");
    }
}
