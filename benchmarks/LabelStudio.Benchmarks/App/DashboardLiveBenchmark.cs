using System.Diagnostics;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Quality;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// The live dashboard's running costs on the `dashboard` project: one read of the change stamp (what
/// an idle open dashboard pays per poll), the process's CPU with no dashboard and with one open and
/// idle, and how many builds one open dashboard makes while 20 annotators save labels nonstop.
/// </summary>
internal static class DashboardLiveBenchmark
{
    private const int Annotators = 20;

    public static async Task RunAsync(BenchHost host, int projectId, TimeSpan phase)
    {
        await StampCostAsync(host, projectId);

        var feed = host.Get<DashboardFeed>();
        var quiet = await CpuDuringAsync(() => Task.Delay(phase));
        var received = 0;
        using var dashboard = await feed.SubscribeAsync(
            projectId, _ => Task.FromResult(Interlocked.Increment(ref received)), CancellationToken.None);
        var opened = feed.Builds;
        var idle = await CpuDuringAsync(() => Task.Delay(phase));
        Console.WriteLine($"  idle {phase.TotalSeconds:0} s: process CPU {quiet:0} ms with no dashboard, " +
            $"{idle:0} ms with one open dashboard ({feed.Builds - opened} rebuilds)");

        var (buildsBefore, pushesBefore) = (feed.Builds, received);
        var labels = 0;
        var busy = await CpuDuringAsync(async () => labels = await LabelNonstopAsync(host, projectId, phase));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var builds = feed.Builds - buildsBefore;
        Console.WriteLine($"  {Annotators} annotators for {phase.TotalSeconds:0} s: {labels:N0} labels saved, " +
            $"{builds} dashboard rebuilds ({builds / phase.TotalSeconds:0.00}/s), " +
            $"{received - pushesBefore} pushes, process CPU {busy:0} ms");
    }

    private static async Task StampCostAsync(BenchHost host, int projectId)
    {
        const int reads = 50;
        var contexts = host.Get<IDbContextFactory<AppDbContext>>();
        var times = new List<double>();
        var cpu = await CpuDuringAsync(async () =>
        {
            for (var i = 0; i < reads; i++)
            {
                var clock = Stopwatch.StartNew();
                await using var db = await contexts.CreateDbContextAsync();
                await ProjectVersion.ReadAsync(db, projectId, CancellationToken.None);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        });
        Console.WriteLine($"  change stamp read: median {Stats.Median(times):0.0} ms wall, max {times.Max():0.0} ms, " +
            $"{cpu / reads:0.0} ms CPU each");
    }

    /// <summary>
    /// 20 concurrent sessions of the seeded annotators change their own earlier labels on random items (a
    /// relabel needs no lease), each saving as soon as the last save returns.
    /// </summary>
    private static async Task<int> LabelNonstopAsync(BenchHost host, int projectId, TimeSpan phase)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var classes = await db.LabelClasses.Where(c => c.ProjectId == projectId).Select(c => c.Id).ToListAsync();
        var sessions = new List<(string UserId, List<long> Items)>();
        for (var a = 0; a < Annotators; a++)
        {
            var userId = $"annotator-{a % 10}";
            var items = await db.LabelEvents
                .Where(e => e.ProjectId == projectId && e.UserId == userId && e.Kind == LabelEventKind.Label)
                .Select(e => e.ItemId).Take(10_000).ToListAsync();
            sessions.Add((userId, items));
        }
        var labeling = host.Get<LabelingService>();
        using var stop = new CancellationTokenSource(phase);
        var saved = 0;

        await Task.WhenAll(sessions.Select((session, a) => Task.Run(async () =>
        {
            var random = new Random(a);
            while (!stop.IsCancellationRequested)
            {
                var submission = new LabelSubmission(projectId, session.Items[random.Next(session.Items.Count)],
                    session.UserId, classes[random.Next(classes.Count)], 4, Comment: null, SuggestionShown: false);
                await labeling.SubmitAsync(submission, CancellationToken.None);
                Interlocked.Increment(ref saved);
            }
        })));
        return saved;
    }

    private static async Task<double> CpuDuringAsync(Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        await work();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }
}
