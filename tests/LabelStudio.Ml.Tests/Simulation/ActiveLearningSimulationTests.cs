using System.Text.Json;
using LabelStudio.Ml.Simulation;

namespace LabelStudio.Ml.Tests.Simulation;

public sealed class ActiveLearningSimulationTests
{
    private static readonly SimulationOptions Small = new()
    {
        Strategies = [QueryStrategy.Random, QueryStrategy.Margin],
        SeedSize = 10,
        BatchSize = 10,
        Rounds = 4,
        TestFraction = 0.3,
        Seeds = [0, 1],
    };

    [Fact]
    public void EveryStrategyAndSeedGivesACurveOfRoundsPlusOnePoints()
    {
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 60, dimensions: 4, separation: 3f, seed: 12);

        var result = ActiveLearningSimulation.Run(rows, labels, 3, Small);

        Assert.Equal(4, result.Runs.Count);
        Assert.Equal([QueryStrategy.Random, QueryStrategy.Margin, QueryStrategy.Random, QueryStrategy.Margin],
            result.Runs.Select(r => r.Strategy));
        Assert.All(result.Runs, run => Assert.Equal([10, 20, 30, 40, 50], run.Curve.Select(p => p.Labels)));
        Assert.All(result.Runs, run => Assert.InRange(run.Curve[^1].Accuracy, 0.8, 1.0));
    }

    [Fact]
    public void ProgressIsReportedForEveryEvaluatedRound()
    {
        var (rows, labels) = TestData.Blobs(classCount: 2, perClass: 40, dimensions: 3, separation: 3f, seed: 13);
        var reports = new List<SimulationProgress>();
        var options = Small with { Seeds = [0], Strategies = [QueryStrategy.Entropy] };

        ActiveLearningSimulation.Run(rows, labels, 2, options, new SynchronousProgress(reports.Add));

        Assert.Equal([0, 1, 2, 3, 4], reports.Select(r => r.Round));
        Assert.All(reports, r => Assert.Equal(QueryStrategy.Entropy, r.Strategy));
    }

    [Fact]
    public void SameSeedReplaysTheSameCurve()
    {
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 40, dimensions: 4, separation: 2f, seed: 14);
        var options = Small with { Seeds = [5] };

        var first = ActiveLearningSimulation.Run(rows, labels, 3, options);
        var again = ActiveLearningSimulation.Run(rows, labels, 3, options);

        Assert.Equal(first.Runs.SelectMany(r => r.Curve), again.Runs.SelectMany(r => r.Curve));
    }

    [Fact]
    public void OneClassSeedSetIsFollowedByASpreadOutBatch()
    {
        // Class 0 fills most of the pool and comes first in file order, which a tie-broken ranking
        // of a one-class model would follow; a spread-out batch reaches the other two blobs.
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 60, dimensions: 3, separation: 30f, seed: 16);
        var pool = Enumerable.Range(0, rows.Length)
            .Where(i => labels[i] == 0 || i % 10 < 3)
            .OrderBy(i => labels[i])
            .ToArray();
        var options = Small with
        {
            SeedSize = 1, BatchSize = 3, Rounds = 1, Seeds = [0], Strategies = [QueryStrategy.Margin],
        };

        var run = ActiveLearningSimulation.Run(
            pool.Select(i => rows[i]).ToArray(), pool.Select(i => labels[i]).ToArray(), 3, options).Runs[0];

        Assert.InRange(run.Curve[1].Accuracy, 0.9, 1.0);
    }

    [Fact]
    public void SeedSetIsTheAppsColdStartSpread()
    {
        // Nine in ten rows are class 0, and classes 1 and 2 lie far away. Three labels drawn at random
        // would mostly all be class 0; the app's cold start serves a spread that reaches every blob.
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 200, dimensions: 3, separation: 30f, seed: 17);
        var pool = Enumerable.Range(0, rows.Length).Where(i => labels[i] == 0 || i % 20 < 3).ToArray();
        var options = Small with { SeedSize = 3, Rounds = 0, Seeds = [0, 1, 2, 3, 4, 5, 6, 7] };

        var result = ActiveLearningSimulation.Run(
            pool.Select(i => rows[i]).ToArray(), pool.Select(i => labels[i]).ToArray(), 3, options);

        Assert.All(result.Runs, run => Assert.True(
            run.Curve[0].Accuracy > 0.95, $"{run.Strategy} seed {run.Seed}: {run.Curve[0].Accuracy:F3}"));
    }

    [Fact]
    public void ResultSerializesToTheDocumentedJsonShape()
    {
        var run = new SimulationRun(QueryStrategy.LeastConfidence, 0, [new CurvePoint(20, 0.61)]);
        var result = new SimulationResult([run]);

        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        const string expected =
            """{"runs":[{"strategy":"least-confidence","seed":0,"curve":[{"labels":20,"accuracy":0.61}]}]}""";
        Assert.Equal(expected, json);
    }

    [Fact]
    public void FullPoolModelIsAtLeastAsGoodAsTheSmallestLabeledSet()
    {
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 60, dimensions: 4, separation: 3f, seed: 15);
        var options = Small with { Seeds = [0], Strategies = [QueryStrategy.Random] };

        var full = ActiveLearningSimulation.FullPoolAccuracy(rows, labels, 3, options, seed: 0);
        var run = ActiveLearningSimulation.Run(rows, labels, 3, options).Runs[0];

        Assert.True(full >= run.Curve[0].Accuracy, $"full {full:F3}, first point {run.Curve[0].Accuracy:F3}");
    }

    [Fact]
    public void UncertaintyStrategiesSpreadOutWhileOnlyOneClassIsLabeled()
    {
        // A file sorted by class and a one-row seed set: the first model knows a single class, so
        // every uncertainty score ties, and ties served in pool order would keep asking that class.
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 40, dimensions: 4, separation: 3f, seed: 16);
        var byClass = Enumerable.Range(0, labels.Length).OrderBy(i => labels[i]).ToArray();
        var options = Small with
        {
            Strategies = [QueryStrategy.Margin, QueryStrategy.LeastConfidence, QueryStrategy.Entropy],
            SeedSize = 1,
            BatchSize = 6,
            Rounds = 3,
            Seeds = [0, 1, 2, 3, 4, 5, 6, 7],
        };

        var result = ActiveLearningSimulation.Run(
            byClass.Select(i => rows[i]).ToArray(), byClass.Select(i => labels[i]).ToArray(), 3, options);

        Assert.All(result.Runs, run => Assert.True(
            run.Curve[^1].Accuracy > 0.8, $"{run.Strategy} seed {run.Seed}: {run.Curve[^1].Accuracy:F3}"));
    }

    private sealed class SynchronousProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
