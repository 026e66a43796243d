namespace LabelStudio.Ml.Tests.Quality;

public sealed class StoppingSignalTests
{
    [Fact]
    public void TwoVersionsAreTooFewToTell()
    {
        ModelPoint[] versions = [new(1, 20, 0.80, null), new(2, 40, 0.85, 0.70)];

        var advice = StoppingSignal.Evaluate(versions);

        Assert.Equal(StoppingVerdict.TooEarly, advice.Verdict);
        Assert.StartsWith("Keep labeling", advice.Message);
    }

    [Fact]
    public void StablePredictionsAndFlatAccuracyMeanYouCanStop()
    {
        // Kappas 0.97 and 0.99 are both ≥ 0.95; accuracies 0.91, 0.92, 0.92 span 0.01 ≤ 0.02.
        ModelPoint[] versions =
            [new(1, 20, 0.80, null), new(2, 40, 0.91, 0.80), new(3, 60, 0.92, 0.97), new(4, 80, 0.92, 0.99)];

        var advice = StoppingSignal.Evaluate(versions);

        Assert.Equal(StoppingVerdict.CanStop, advice.Verdict);
        Assert.Equal("The model has stopped changing: you can probably stop.", advice.Message);
    }

    [Fact]
    public void AModelThatStillChangesItsMindKeepsYouLabeling()
    {
        ModelPoint[] versions = [new(1, 20, 0.90, null), new(2, 40, 0.91, 0.97), new(3, 60, 0.91, 0.62)];

        var advice = StoppingSignal.Evaluate(versions);

        Assert.Equal(StoppingVerdict.KeepLabeling, advice.Verdict);
        Assert.Contains("kappa 0.62", advice.Message);
    }

    [Fact]
    public void RisingAccuracyKeepsYouLabelingEvenWhenPredictionsAreStable()
    {
        // Accuracies 0.80 → 0.90 span 0.10 > 0.02: not a plateau.
        ModelPoint[] versions = [new(1, 20, 0.80, null), new(2, 40, 0.85, 0.96), new(3, 60, 0.90, 0.98)];

        var advice = StoppingSignal.Evaluate(versions);

        Assert.Equal(StoppingVerdict.KeepLabeling, advice.Verdict);
        Assert.Contains("accuracy is still moving", advice.Message);
    }

    [Fact]
    public void AnUnknownKappaIsNotStable()
    {
        ModelPoint[] versions = [new(1, 20, 0.90, null), new(2, 40, 0.90, null), new(3, 60, 0.90, 0.99)];

        Assert.Equal(StoppingVerdict.KeepLabeling, StoppingSignal.Evaluate(versions).Verdict);
    }
}
