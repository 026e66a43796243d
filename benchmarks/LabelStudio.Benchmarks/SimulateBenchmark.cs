using System.Diagnostics;
using System.Text.Json;
using LabelStudio.Ml;
using LabelStudio.Ml.Simulation;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Benchmarks;

/// <summary>
/// Learning curves on a Fashion-MNIST subset: strategies against random, and margin with and
/// without batch diversity, averaged over seeds.
/// </summary>
internal static class SimulateBenchmark
{
    public static int Run(BenchArgs args)
    {
        // 1. Data: a seeded random subset of the training split, featurized like an imported table.
        var (pictures, labels) = Subset(args);
        var rows = PixelTable.Rows(pictures);
        var features = TabularFeaturizer.Fit(PixelTable.Columns(784), rows).TransformAll(rows);
        return Simulate(features, labels, args, TrainerOptions.Default);
    }

    /// <summary>The pictures and classes of a seeded random subset of the training split (--rows).</summary>
    public static (byte[][] Pictures, int[] Labels) Subset(BenchArgs args)
    {
        var train = FashionMnist.Load(args.Text("data", FashionMnist.DefaultDirectory), "train");
        var subset = Enumerable.Range(0, train.Labels.Length).ToArray();
        new Random(args.Int("subset-seed", 0)).Shuffle(subset);
        subset = subset[..args.Int("rows", 10_000)];
        return (subset.Select(i => train.Images[i]).ToArray(), subset.Select(i => train.Labels[i]).ToArray());
    }

    /// <summary>Replays the strategies on ready-made features and prints the curves (--l2 overrides).</summary>
    public static int Simulate(float[][] features, int[] labels, BenchArgs args, TrainerOptions trainer)
    {
        var rowCount = features.Length;
        var options = new SimulationOptions
        {
            Strategies = QueryStrategyNames.ParseList(args.Text("strategy", "random,margin")),
            SeedSize = args.Int("init", SimulationOptions.AppRoundSize),
            BatchSize = args.Int("batch", SimulationOptions.AppRoundSize),
            Rounds = args.Int("rounds", 20),
            TestFraction = args.Float("test", 0.3f),
            Seeds = args.Ints("seeds", "0,1,2"),
            Trainer = trainer with { L2Regularization = args.Float("l2", trainer.L2Regularization) },
        };

        // The ceiling, then each configuration.
        var full = options.Seeds.Average(
            seed => ActiveLearningSimulation.FullPoolAccuracy(features, labels, 10, options, seed));
        Console.WriteLine($"{rowCount} rows, test {options.TestFraction:P0}, L2 {options.Trainer.L2Regularization}, " +
            $"full-pool accuracy {full:F4}");
        var configurations = args.Text("diversity") switch
        {
            "only" => new[] { true },
            null when args.Has("diversity") => [false, true],
            _ => [false],
        };
        foreach (var diversity in configurations)
        {
            var clock = Stopwatch.StartNew();
            var result = ActiveLearningSimulation.Run(features, labels, 10, options with { Diversity = diversity });
            Print(result, full, diversity, clock.Elapsed.TotalSeconds);
            if (args.Text("json") is { } path)
            {
                var file = diversity ? Path.ChangeExtension(path, ".diverse.json") : path;
                var json = JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web));
                File.WriteAllText(file, json);
            }
        }

        return 0;
    }

    private static void Print(SimulationResult result, double full, bool diversity, double seconds)
    {
        Console.WriteLine($"diversity {(diversity ? "on" : "off")} ({seconds:F0} s)");
        var curves = SimulationSummary.MeanCurves(result);
        var reach95 = SimulationSummary.LabelsToReach(result, full, 0.95);
        var reach99 = SimulationSummary.LabelsToReach(result, full, 0.99);
        Console.WriteLine($"  {"strategy",-17} {"AULC",7} {"final",7} {"labels95",14} {"labels99",14}  curve");
        foreach (var curve in curves)
        {
            var every4th = curve.MeanCurve.Where((_, i) => i % 4 == 0);
            var points = string.Join(" ", every4th.Select(p => $"{p.Labels}:{p.Accuracy:F3}"));
            Console.WriteLine($"  {QueryStrategyNames.ToName(curve.Strategy),-17} {curve.MeanAccuracy,7:F4} " +
                $"{curve.MeanCurve[^1].Accuracy,7:F4} {Reach(reach95, curve.Strategy),14} " +
                $"{Reach(reach99, curve.Strategy),14}  {points}");
        }

        foreach (var curve in curves.Where(c => c.Strategy != QueryStrategy.Random))
        {
            var share = SimulationSummary.LabelShare(reach95, curve.Strategy, QueryStrategy.Random);
            var name = QueryStrategyNames.ToName(curve.Strategy);
            Console.WriteLine(share is { } value
                ? $"  labels95 {name} / random: {value:F2}"
                : $"  labels95 {name} / random: - (not every run of both reached the bar)");
        }
    }

    private static string Reach(IReadOnlyList<LabelsToTarget> targets, QueryStrategy strategy)
    {
        var target = targets.Single(t => t.Strategy == strategy);
        return target.MeanLabels is { } mean
            ? $"{mean:F0} ({target.RunsReached}/{target.Runs})"
            : $"- (0/{target.Runs})";
    }
}
