using System.Diagnostics;
using LabelStudio.Core.Import;
using LabelStudio.Core.Items;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Teams;
using LabelStudio.Core.Training;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// `keypress`: the server's share of one key press on the labeling page, step by step, for one
/// annotator on a big project: the label save, the next lease, the item read, the project's status
/// line and the annotator's own progress, as the page's session calls them. Also times the import and
/// one training run at that size, and the memory the process keeps afterwards.
/// </summary>
internal static class KeyPressBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Int("rows", 500_000);
        var numbers = args.Int("numbers", 4);
        var warmLabels = args.Int("labels", 200);
        var presses = args.Int("presses", 300);
        var importedLabels = args.Int("imported-labels", 0);
        Console.WriteLine($"keypress: {rows:N0} rows × {numbers + 1} features, {importedLabels:N0} more rows " +
            $"imported with labels, {warmLabels} labels and one training run first, then {presses} key presses " +
            $"by one annotator (load average {LoadAverage.Now()})");

        var file = SyntheticTable.Write(rows, numbers, seed: 3);
        await using var host = await BenchHost.StartAsync();
        host.Keep = args.Has("keep");
        var plan = new TableImportPlan(SyntheticTable.FeatureColumns(numbers), IdColumn: "id", LabelColumn: "label",
            LabelMode: LabelMode.HiddenGroundTruth);
        var clock = Stopwatch.StartNew();
        var projectId = await host.CreateProjectAsync("keypress", SyntheticTable.Classes, file, plan);
        File.Delete(file);
        Console.WriteLine($"import {clock.Elapsed.TotalSeconds:0.0} s; {Memory()}");
        if (importedLabels > 0)
        {
            await ImportLabeledRowsAsync(host, projectId, importedLabels, numbers);
        }

        var oracle = await ServeBenchmark.OracleAsync(host, projectId);
        var steps = new PressSteps(host, projectId, "annotator-0", oracle);
        await steps.PressAsync(warmLabels, record: false);
        clock.Restart();
        await host.Get<TrainingScheduler>().RequestAsync(projectId, CancellationToken.None);
        var trained = await host.Get<TrainingRunner>().RunIfDueAsync(projectId, CancellationToken.None);
        Console.WriteLine($"training run {clock.Elapsed.TotalSeconds:0.0} s (model v{trained?.Version}); {Memory()}");

        await steps.PressAsync(presses, record: true);
        Console.WriteLine($"{presses} presses measured (load average {LoadAverage.Now()})");
        steps.Describe();
        if (host.Keep)
        {
            Console.WriteLine($"data directory kept: {host.Directory}");
        }
        return 0;
    }

    /// <summary>
    /// A project with that many label events before anyone labels: rows that came with their labels, as
    /// from an earlier tool. They are labeled already, so the queue still serves the first table's rows.
    /// </summary>
    private static async Task ImportLabeledRowsAsync(BenchHost host, int projectId, int rows, int numbers)
    {
        var file = SyntheticTable.Write(rows, numbers, seed: 4, idPrefix: "labeled-");
        var plan = new TableImportPlan(SyntheticTable.FeatureColumns(numbers), IdColumn: "id", LabelColumn: "label");
        var clock = Stopwatch.StartNew();
        var outcome = await host.ImportAsync(projectId, file, plan);
        File.Delete(file);
        Console.WriteLine($"import of {rows:N0} labeled rows: {outcome.Status}, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static string Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
        using var process = Process.GetCurrentProcess();
        return $"live heap {heap:N0} MB, working set {process.WorkingSet64 / 1e6:N0} MB";
    }

    /// <summary>What the labeling page's session does per key press, each step timed on its own.</summary>
    private sealed class PressSteps(
        BenchHost host, int projectId, string userId, IReadOnlyDictionary<long, int> oracle)
    {
        private readonly Latencies _save = new("label save");
        private readonly Latencies _next = new("next lease");
        private readonly Latencies _item = new("item read");
        private readonly Latencies _status = new("status line counts");
        private readonly Latencies _mine = new("annotator's own progress");
        private readonly Latencies _total = new("whole key press");

        public async Task PressAsync(int count, bool record)
        {
            var queue = host.Get<QueueService>();
            var labeling = host.Get<LabelingService>();
            var items = host.Get<ItemReader>();
            var statuses = host.Get<ProjectStatusService>();
            var progress = host.Get<AnnotatorProgressService>();
            var lease = await queue.NextAsync(projectId, userId, CancellationToken.None);
            for (var press = 0; press < count && lease is not null; press++)
            {
                var total = Stopwatch.StartNew();
                var submission = new LabelSubmission(
                    projectId, lease.ItemId, userId, oracle[lease.ItemId], 1.0, null, false, lease.Id);
                await Time(_save, record, () => labeling.SubmitAsync(submission, CancellationToken.None));
                lease = await Time(_next, record, () => queue.NextAsync(projectId, userId, CancellationToken.None));
                if (lease is not null)
                {
                    await Time(_item, record, () => items.ReadAsync(projectId, lease.ItemId, CancellationToken.None));
                }
                await Time(_status, record, () => statuses.GetAsync(projectId, CancellationToken.None));
                await Time(_mine, record, () => progress.GetAsync(projectId, userId, CancellationToken.None));
                if (record)
                {
                    _total.Record(total.Elapsed.TotalMilliseconds);
                }
            }
        }

        public void Describe()
        {
            foreach (var step in new[] { _save, _next, _item, _status, _mine, _total })
            {
                Console.WriteLine(step.Describe());
            }
        }

        private static Task<T> Time<T>(Latencies latencies, bool record, Func<Task<T>> request) =>
            record ? latencies.TimeAsync(request) : request();
    }
}
