using LabelStudio.Ml.Simulation;

namespace LabelStudio.Ml.Tests.Simulation;

public sealed class SimulationSummaryTests
{
    private static readonly SimulationResult Result = new(
    [
        new SimulationRun(QueryStrategy.Margin, 0, [new(10, 0.5), new(20, 0.8), new(30, 0.9)]),
        new SimulationRun(QueryStrategy.Margin, 1, [new(10, 0.6), new(20, 0.7), new(30, 0.95)]),
        new SimulationRun(QueryStrategy.Random, 0, [new(10, 0.5), new(20, 0.6), new(30, 0.7)]),
    ]);

    [Fact]
    public void MeanCurvesAverageRunsPerLabelCount()
    {
        var curves = SimulationSummary.MeanCurves(Result);

        var margin = curves.Single(c => c.Strategy == QueryStrategy.Margin);
        Assert.Equal([10, 20, 30], margin.MeanCurve.Select(p => p.Labels));
        Assert.Equal([0.55, 0.75, 0.925], margin.MeanCurve.Select(p => Math.Round(p.Accuracy, 6)));
    }

    [Fact]
    public void LabelsToReachCountsOnlyRunsThatGotThere()
    {
        var targets = SimulationSummary.LabelsToReach(Result, fullAccuracy: 1.0, fraction: 0.8);

        var margin = targets.Single(t => t.Strategy == QueryStrategy.Margin);
        var random = targets.Single(t => t.Strategy == QueryStrategy.Random);
        Assert.Equal(25, margin.MeanLabels);
        Assert.Equal(2, margin.RunsReached);
        Assert.Null(random.MeanLabels);
        Assert.Equal(0, random.RunsReached);
    }

    [Fact]
    public void LabelShareDividesOnlyWhenEveryRunOfBothReached()
    {
        var targets = SimulationSummary.LabelsToReach(Result, fullAccuracy: 1.0, fraction: 0.7);
        var allReached = SimulationSummary.LabelsToReach(Result, fullAccuracy: 1.0, fraction: 0.5);

        // At 0.7 random reached at 30 labels and margin at 20 in both runs; at 0.8 random never did.
        Assert.Equal(20.0 / 30, SimulationSummary.LabelShare(targets, QueryStrategy.Margin, QueryStrategy.Random));
        Assert.Equal(1.0, SimulationSummary.LabelShare(allReached, QueryStrategy.Margin, QueryStrategy.Random));
        var partly = SimulationSummary.LabelsToReach(Result, fullAccuracy: 1.0, fraction: 0.8);
        Assert.Null(SimulationSummary.LabelShare(partly, QueryStrategy.Margin, QueryStrategy.Random));
        Assert.Null(SimulationSummary.LabelShare(targets, QueryStrategy.Entropy, QueryStrategy.Random));
    }
}
