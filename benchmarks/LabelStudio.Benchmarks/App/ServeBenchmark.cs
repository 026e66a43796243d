using System.Diagnostics;
using LabelStudio.Core.Data;
using LabelStudio.Core.Import;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// `serve`: annotators asking for the next item and saving labels through the product's services on
/// a real SQLite file, while the trainer retrains the same project back to back. Targets: next item
/// p95 under 20 ms while a retrain runs; label save p95 under 10 ms.
/// </summary>
internal static class ServeBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Int("rows", 50_000);
        var numbers = args.Int("numbers", 40);
        var annotators = args.Int("annotators", 20);
        var warmLabels = args.Int("labels", 1_000);
        var seconds = args.Int("seconds", 20);
        var think = TimeSpan.FromMilliseconds(args.Int("think-ms", 250));
        // Without retrains: the floor of the same requests on this machine, to compare against.
        var retrain = !args.Has("no-retrain");
        Console.WriteLine($"serve: {rows:N0} rows × {numbers + 1} features, {annotators} annotators, " +
            $"{warmLabels:N0} labels first, then {seconds} s of labeling during back-to-back retrains, " +
            $"{think.TotalMilliseconds:0} ms between an item's arrival and its label");

        var file = SyntheticTable.Write(rows, numbers, seed: 2);
        await using var host = await BenchHost.StartAsync();
        var plan = new TableImportPlan(SyntheticTable.FeatureColumns(numbers), IdColumn: "id", LabelColumn: "label",
            LabelMode: LabelMode.HiddenGroundTruth);
        var projectId = await host.CreateProjectAsync("serve", SyntheticTable.Classes, file, plan);
        File.Delete(file);
        var oracle = await OracleAsync(host, projectId);

        // 1. A first model, as after a few rounds of real work.
        var warm = new AnnotatorPool(
            host, projectId, oracle, TimeSpan.Zero, new Latencies("warm-up next"), new Latencies("warm-up save"));
        await warm.LabelAsync(annotators: 1, labels: warmLabels, CancellationToken.None);
        await host.Get<TrainingScheduler>().RequestAsync(projectId, CancellationToken.None);
        await host.Get<TrainingRunner>().RunIfDueAsync(projectId, CancellationToken.None);

        // 2. Annotators at full speed while the trainer never rests.
        var collections = GcActivity.Start();
        // Where each save's time went; off by default so that runs compare with older builds.
        using var breakdown = args.Has("breakdown") ? new SaveBreakdown(args.Has("allocations")) : null;
        var during = retrain ? "during retrain" : "without retrain";
        var next = new Latencies($"next item {during}");
        var save = new Latencies($"label save {during}");
        var pool = new AnnotatorPool(host, projectId, oracle, think, next, save, breakdown);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var retrains = retrain ? RetrainContinuouslyAsync(host, projectId, stop.Token) : Task.FromResult(0);
        await pool.LabelAsync(annotators, labels: int.MaxValue, stop.Token);
        var models = await retrains;

        Console.WriteLine($"{models} retrains finished while annotators labeled {save.Count:N0} items " +
            $"(load average {LoadAverage.Now()})");
        Console.WriteLine(next.Describe());
        Console.WriteLine(save.Describe());
        Console.WriteLine(collections.Describe());
        if (breakdown is not null)
        {
            Console.WriteLine(breakdown.Describe());
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        return 0;
    }

    private static async Task<int> RetrainContinuouslyAsync(BenchHost host, int projectId, CancellationToken stop)
    {
        var scheduler = host.Get<TrainingScheduler>();
        var runner = host.Get<TrainingRunner>();
        var models = 0;
        while (!stop.IsCancellationRequested)
        {
            await scheduler.RequestAsync(projectId, CancellationToken.None);
            if (await runner.RunIfDueAsync(projectId, CancellationToken.None) is not null)
            {
                models++;
            }
        }
        return models;
    }

    /// <summary>The hidden answer of every item as a class id, so simulated annotators label correctly.</summary>
    internal static async Task<IReadOnlyDictionary<long, int>> OracleAsync(BenchHost host, int projectId)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var classes = await db.LabelClasses.Where(c => c.ProjectId == projectId)
            .ToDictionaryAsync(c => c.Name, c => c.Id);
        // Rows imported with their labels have no hidden truth, and the queue never serves them.
        return await db.Items.Where(i => i.ProjectId == projectId && i.GroundTruth != null)
            .ToDictionaryAsync(i => i.Id, i => classes[i.GroundTruth!]);
    }

    private sealed class AnnotatorPool(
        BenchHost host,
        int projectId,
        IReadOnlyDictionary<long, int> oracle,
        TimeSpan think,
        Latencies next,
        Latencies save,
        SaveBreakdown? breakdown = null)
    {
        private int _remaining;

        public Task LabelAsync(int annotators, int labels, CancellationToken stop)
        {
            _remaining = labels;
            return Task.WhenAll(Enumerable.Range(0, annotators)
                .Select(a => Task.Run(() => AnnotateAsync($"annotator-{a}", stop))));
        }

        private async Task AnnotateAsync(string userId, CancellationToken stop)
        {
            var queue = host.Get<QueueService>();
            var labeling = host.Get<LabelingService>();
            while (!stop.IsCancellationRequested && Interlocked.Decrement(ref _remaining) >= 0)
            {
                var lease = await next.TimeAsync(() => queue.NextAsync(projectId, userId, CancellationToken.None));
                if (lease is null)
                {
                    return;
                }

                // A person reads the item before pressing a key; without this pause the run measures
                // a queue of twenty requests at once, which no labeling team produces.
                await Task.Delay(think, CancellationToken.None);
                var submission = new LabelSubmission(
                    projectId, lease.ItemId, userId, oracle[lease.ItemId], 1.0, null, false);
                await save.TimeAsync(() => breakdown is null
                    ? labeling.SubmitAsync(submission, CancellationToken.None)
                    : breakdown.TimeAsync(() => labeling.SubmitAsync(submission, CancellationToken.None)));
            }
        }
    }
}
