using System.Diagnostics;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// `export`: a project of generated rows (default 100,000, all labeled by the import) exported
/// through the product's export job to CSV, JSON lines and Parquet. Prints time, the peak of the
/// managed heap while the export ran (sampled every 10 ms) and the file size. Target: under 3 s with
/// flat memory: the heap peak must not grow with the row count.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Int("rows", 100_000);
        var numbers = args.Int("numbers", 8);
        var repeats = args.Int("repeats", 3);
        var file = SyntheticTable.Write(rows, numbers, seed: 1);
        var plan = new TableImportPlan(
            SyntheticTable.FeatureColumns(numbers), IdColumn: "id", LabelColumn: "label",
            LabelMode: LabelMode.ImportAsLabels);
        try
        {
            await using var host = await BenchHost.StartAsync();
            var projectId = await host.CreateProjectAsync("export", SyntheticTable.Classes, file, plan);
            Console.WriteLine($"export: {rows:N0} labeled rows × {numbers + 2} source columns, {repeats} runs each");
            foreach (var format in new[] { ExportFormat.Csv, ExportFormat.JsonLines, ExportFormat.Parquet })
            {
                await MeasureAsync(host, projectId, new ExportOptions(format), repeats);
            }
        }
        finally
        {
            File.Delete(file);
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        return 0;
    }

    private static async Task MeasureAsync(BenchHost host, int projectId, ExportOptions options, int repeats)
    {
        var seconds = new List<double>();
        var heapGrowth = new List<double>();
        long bytes = 0;
        for (var run = 0; run < repeats; run++)
        {
            var job = await host.Get<ExportJobService>().StartAsync(projectId, options, null, CancellationToken.None);
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            using var sampler = new HeapSampler();
            var clock = Stopwatch.StartNew();
            var done = await host.Get<ExportRunner>().RunAsync(job.Id, CancellationToken.None);
            seconds.Add(clock.Elapsed.TotalSeconds);
            heapGrowth.Add((sampler.Stop() - baseline) / 1e6);
            bytes = done?.ByteCount ?? 0;
            Console.WriteLine($"  {options.Format} run {run + 1}: {seconds[^1]:0.00} s, {done?.RowCount:N0} rows, " +
                $"heap peak +{heapGrowth[^1]:0} MB");
        }
        Console.WriteLine($"{options.Format}: median {Stats.Median(seconds):0.00} s, heap peak +" +
            $"{Stats.Median(heapGrowth):0} MB over the baseline, package {bytes / 1e6:0.0} MB");
    }

    /// <summary>The largest managed heap size seen, garbage included, sampled on its own thread.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        public HeapSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                    _stop.Token.WaitHandle.WaitOne(10);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop.Cancel();
            _thread.Join();
            return _peak;
        }

        public void Dispose() => _stop.Dispose();
    }
}
