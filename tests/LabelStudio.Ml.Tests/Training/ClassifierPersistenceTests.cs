namespace LabelStudio.Ml.Tests.Training;

public sealed class ClassifierPersistenceTests
{
    [Fact]
    public void SaveLoadRoundTripGivesIdenticalProbabilities()
    {
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 15, dimensions: 4, separation: 2f, seed: 7);
        var set = new LabeledSet(rows, labels, ClassCount: 5);
        var classifier = new ClassifierTrainer().Train(set, CancellationToken.None);
        using var file = new MemoryStream();

        classifier.Save(file);
        file.Position = 0;
        var loaded = Classifier.Load(file);

        Assert.Equal(classifier.TrainedClasses, loaded.TrainedClasses);
        Assert.Equal(classifier.PredictProbabilities(rows), loaded.PredictProbabilities(rows));
    }

    [Fact]
    public void LoadedModelCanSeedTheNextTraining()
    {
        var (rows, labels) = TestData.Blobs(classCount: 2, perClass: 10, dimensions: 3, separation: 3f, seed: 8);
        var classifier = new ClassifierTrainer().Train(new LabeledSet(rows, labels, 2), CancellationToken.None);
        using var file = new MemoryStream();
        classifier.Save(file);
        file.Position = 0;

        var loaded = Classifier.Load(file);

        Assert.NotNull(loaded.WarmStartFor([0, 1], featureCount: 3));
        Assert.Null(loaded.WarmStartFor([0, 1], featureCount: 4));
    }

    [Fact]
    public void DegenerateModelSurvivesSaveAndLoad()
    {
        var set = new LabeledSet([[1f]], [1], ClassCount: 2);
        var classifier = new ClassifierTrainer().Train(set, CancellationToken.None);
        using var file = new MemoryStream();

        classifier.Save(file);
        file.Position = 0;
        var loaded = Classifier.Load(file);

        Assert.True(loaded.IsDegenerate);
        Assert.Equal([0f, 1f], loaded.PredictProbabilities([[5f]])[0]);
    }

    [Fact]
    public void LoadRejectsForeignBytes()
    {
        using var file = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        var error = Record.Exception(() => Classifier.Load(file));

        Assert.NotNull(error);
    }
}
