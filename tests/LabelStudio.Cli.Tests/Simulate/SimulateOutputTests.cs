using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LabelStudio.Cli.Tests.Simulate;

public sealed class SimulateOutputTests
{
    private static readonly string[] Small =
        ["simulate", "--input", CliRun.Penguins, "--label-column", "Species", "--seed-size", "20", "--batch", "10"];

    [Fact]
    public async Task JsonHoldsOneCurvePerStrategyAndSeedWithAPointPerRound()
    {
        using var folder = new TempFolder();
        var json = folder.File("curves.json");

        var run = await CliRun.RunAsync([.. Small, "--rounds", "4", "--seeds", "0,1", "--json", json]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(["runs"], document.RootElement.EnumerateObject().Select(p => p.Name));
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal([("margin", 0), ("random", 0), ("margin", 1), ("random", 1)], runs.Select(StrategyAndSeed));
        Assert.All(runs, r => Assert.Equal(["strategy", "seed", "curve"], r.EnumerateObject().Select(p => p.Name)));
        var points = runs.SelectMany(r => r.GetProperty("curve").EnumerateArray()).ToArray();
        Assert.All(points, p => Assert.Equal(["labels", "accuracy"], p.EnumerateObject().Select(q => q.Name)));
        Assert.All(runs, r => Assert.Equal([20, 30, 40, 50, 60], Curve(r).Select(p => p.Labels)));
        Assert.All(runs, r => Assert.All(Curve(r), p => Assert.InRange(p.Accuracy, 0.0, 1.0)));
        Assert.All(runs, r => Assert.True(Curve(r)[^1].Accuracy > 0.9, $"{StrategyAndSeed(r)} ends at {Curve(r)[^1]}"));
    }

    [Fact]
    public async Task StrategyAllReplaysTheFourStrategies()
    {
        using var folder = new TempFolder();
        var json = folder.File("all.json");

        var run = await CliRun.RunAsync([.. Small, "--rounds", "1", "--strategy", "all", "--json", json]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var runs = document.RootElement.GetProperty("runs").EnumerateArray();
        var strategies = runs.Select(r => StrategyAndSeed(r).Strategy);
        Assert.Equal(["random", "least-confidence", "margin", "entropy"], strategies);
        Assert.Contains("labels  random  least-confidence  margin  entropy", run.OutputLines);
    }

    [Fact]
    public async Task TableShowsTheMeanOverSeedsOfEveryStrategyAtEachLabelCount()
    {
        using var folder = new TempFolder();
        var json = folder.File("curves.json");

        var run = await CliRun.RunAsync([.. Small, "--rounds", "4", "--seeds", "0,1,2", "--json", json]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var runs = document.RootElement.GetProperty("runs").EnumerateArray();
        var expected = runs
            .SelectMany(r => Curve(r).Select(p => (StrategyAndSeed(r).Strategy, p.Labels, p.Accuracy)))
            .GroupBy(p => p.Labels)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key,6}  {Mean(g, "margin")}  {Mean(g, "random")}")
            .ToArray();
        var header = Array.IndexOf(run.OutputLines, "labels  margin  random");
        Assert.True(header >= 0, run.Output);
        Assert.Equal(expected, run.OutputLines[(header + 1)..(header + 1 + expected.Length)]);
    }

    [Fact]
    public async Task SummaryGivesEachStrategysLastAccuracyAndTheLabelsItNeededToNearTheFullPoolModel()
    {
        var run = await CliRun.RunAsync([.. Small, "--rounds", "4", "--seeds", "0,1"]);

        Assert.Equal(0, run.ExitCode);
        var lastRow = run.OutputLines.Single(line => line.StartsWith("    60  ", StringComparison.Ordinal));
        var cells = lastRow.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var margin = run.OutputLines.Single(line => line.StartsWith("margin: ", StringComparison.Ordinal));
        var random = run.OutputLines.Single(line => line.StartsWith("random: ", StringComparison.Ordinal));
        Assert.StartsWith($"margin: {cells[1]} at 60 labels; ", margin);
        Assert.StartsWith($"random: {cells[2]} at 60 labels; ", random);
        Assert.All([margin, random], line => Assert.Contains("95% of full-pool accuracy (", line));
        Assert.Contains(run.OutputLines, line => line.StartsWith("full-pool accuracy 0.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SummaryGivesMarginsLabelsAsAShareOfRandomsWhenEveryRunReachedTheBar()
    {
        var run = await CliRun.RunAsync([.. Small, "--rounds", "4", "--seeds", "0,1"]);

        Assert.Equal(0, run.ExitCode);
        var margin = LabelsInEveryRun(run, "margin");
        var random = LabelsInEveryRun(run, "random");
        Assert.True(margin is not null && random is not null, run.Output);
        var expected = (margin.Value / random.Value).ToString("F2", CultureInfo.InvariantCulture);
        Assert.Contains($"  margin needed {expected}x the labels of random", run.OutputLines);
    }

    private static double? LabelsInEveryRun(CliRun run, string strategy)
    {
        var line = run.OutputLines.Single(l => l.StartsWith($"{strategy}: ", StringComparison.Ordinal));
        var match = Regex.Match(line, @"at (\d+) labels \(mean of 2 run\(s\)\)$");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [Fact]
    public async Task ProgressGoesToStandardErrorOneLinePerFinishedRun()
    {
        var run = await CliRun.RunAsync([.. Small, "--rounds", "1", "--seeds", "3,4"]);

        Assert.Equal(0, run.ExitCode);
        var progress = run.ErrorLines.Where(line => line.StartsWith("run ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, progress.Length);
        Assert.StartsWith("run 1/4: margin, seed 3: ", progress[0]);
        Assert.StartsWith("run 4/4: random, seed 4: ", progress[3]);
        Assert.DoesNotContain(run.OutputLines, line => line.StartsWith("run ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelpListsEveryOptionAndSucceeds()
    {
        var run = await CliRun.RunAsync("simulate", "--help");

        Assert.Equal(0, run.ExitCode);
        string[] options = ["--input", "--label-column", "--features", "--id-column", "--strategy", "--seed-size",
            "--batch", "--rounds", "--test-fraction", "--seeds", "--json"];
        Assert.All(options, option => Assert.Contains(option + " <", run.Output));
    }

    private static (string? Strategy, int Seed) StrategyAndSeed(JsonElement run) =>
        (run.GetProperty("strategy").GetString(), run.GetProperty("seed").GetInt32());

    private static (int Labels, double Accuracy)[] Curve(JsonElement run) =>
        run.GetProperty("curve").EnumerateArray()
            .Select(p => (p.GetProperty("labels").GetInt32(), p.GetProperty("accuracy").GetDouble()))
            .ToArray();

    private static string Mean(IEnumerable<(string? Strategy, int Labels, double Accuracy)> points, string strategy)
    {
        var mean = points.Where(p => p.Strategy == strategy).Average(p => p.Accuracy);
        return mean.ToString("F3", CultureInfo.InvariantCulture).PadLeft(strategy.Length);
    }
}
