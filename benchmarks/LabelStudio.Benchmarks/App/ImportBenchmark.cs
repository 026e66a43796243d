using System.Diagnostics;
using LabelStudio.Core.Import;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// `import`: a generated CSV (default 100,000 rows × 10 columns) through the product's whole import
/// path into a fresh SQLite file: upload copy, parse, checks, featurizing, the one write transaction
/// and the cold-start queue. Target: under 2 s for 100,000 × 10.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Int("rows", 100_000);
        var numbers = args.Int("numbers", 8);
        var repeats = args.Int("repeats", 3);
        var file = SyntheticTable.Write(rows, numbers, seed: 1);
        Console.WriteLine(
            $"import: {rows:N0} rows × {numbers + 3} columns " +
            $"({new FileInfo(file).Length / 1e6:0.0} MB), {repeats} runs");

        var plan = new TableImportPlan(SyntheticTable.FeatureColumns(numbers), IdColumn: "id", LabelColumn: "label",
            LabelMode: LabelMode.HiddenGroundTruth);
        var seconds = new List<double>();
        var cpuSeconds = new List<double>();
        try
        {
            for (var run = 0; run < repeats; run++)
            {
                await using var host = await BenchHost.StartAsync();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var projectId = await host.CreateProjectAsync($"import-{run}", SyntheticTable.Classes, file, plan);
                seconds.Add(clock.Elapsed.TotalSeconds);
                cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                Console.WriteLine($"  run {run + 1}: {seconds[^1]:0.00} s, {cpuSeconds[^1]:0.00} s of CPU " +
                    $"(project {projectId}; load average {LoadAverage.Now()})");
            }
        }
        finally
        {
            File.Delete(file);
        }

        var median = Stats.Median(seconds);
        Console.WriteLine($"median {median:0.00} s = {rows / median:N0} rows/s, " +
            $"median CPU {Stats.Median(cpuSeconds):0.00} s; peak working set " +
            $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        return 0;
    }
}
