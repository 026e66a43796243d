using System.Collections.Concurrent;
using System.Diagnostics;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Quality;

/// <summary>
/// Open dashboards follow their project by push, coalesced, and notice other processes by a cheap poll.
/// </summary>
public sealed class DashboardFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(400);

    private TestDatabase _database = null!;
    private Project _project = null!;
    private List<int> _classes = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: services => services.Configure<DashboardFeedOptions>(
            options =>
            {
                options.Settle = TimeSpan.FromMilliseconds(50);
                options.MinInterval = MinInterval;
                options.PollEvery = TimeSpan.FromMilliseconds(200);
                options.KeepAfterClose = TimeSpan.Zero;
            }));
        _project = await _database.CreateNumberedItemsAsync(40);
        _classes = await _database.ClassIdsAsync(_project.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AnOpenDashboardReceivesTheNewFiguresSoonAfterALabelIsSaved()
    {
        var received = new Snapshots();
        using var subscription = await Feed.SubscribeAsync(_project.Id, received.AddAsync, CancellationToken.None);

        await LabelAsync("alice", "n-1");

        var next = await received.FirstAsync(s => s.Progress.LabelEvents == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(0, subscription.Snapshot.Progress.LabelEvents);
        Assert.Equal(1, next.Progress.Labeled);
    }

    [Fact]
    public async Task ABurstOfLabelsIsCoalescedIntoAFewBuilds()
    {
        var received = new Snapshots();
        using var subscription = await Feed.SubscribeAsync(_project.Id, received.AddAsync, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(
            Enumerable.Range(0, 4).Select(a => LabelManyAsync($"annotator-{a}", from: a * 10 + 1, count: 10)));
        await received.FirstAsync(s => s.Progress.LabelEvents == 40, TimeSpan.FromSeconds(10));

        var allowed = 2 + (int)(clock.Elapsed / MinInterval);
        Assert.InRange(Feed.Builds, 2, allowed);
        Assert.True(Feed.Builds < 20, $"{Feed.Builds} builds for 40 labels");
    }

    [Fact]
    public async Task TwoDashboardsOfOneProjectShareEachBuild()
    {
        var (first, second) = (new Snapshots(), new Snapshots());
        using var a = await Feed.SubscribeAsync(_project.Id, first.AddAsync, CancellationToken.None);
        using var b = await Feed.SubscribeAsync(_project.Id, second.AddAsync, CancellationToken.None);

        await LabelAsync("alice", "n-1");
        await first.FirstAsync(s => s.Progress.LabelEvents == 1, TimeSpan.FromSeconds(5));
        await second.FirstAsync(s => s.Progress.LabelEvents == 1, TimeSpan.FromSeconds(5));

        Assert.Same(a.Snapshot, b.Snapshot);
        Assert.Equal(2, Feed.Builds);
    }

    [Fact]
    public async Task AnIdleDashboardPollsWithoutRebuilding()
    {
        using var subscription =
            await Feed.SubscribeAsync(_project.Id, _ => Task.CompletedTask, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, Feed.Builds);
    }

    [Fact]
    public async Task ALabelSavedByAnotherProcessReachesTheDashboardThroughThePoll()
    {
        var received = new Snapshots();
        using var subscription = await Feed.SubscribeAsync(_project.Id, received.AddAsync, CancellationToken.None);
        await using var cli = _database.OpenAnotherInstance();
        var item = await _database.ItemIdAsync(_project.Id, "n-3");

        await new Annotator(cli, _project.Id, "cli").LabelAsync(item, _classes[1]);

        var next = await received.FirstAsync(s => s.Progress.LabelEvents == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(1, next.Progress.Labeled);
    }

    [Fact]
    public async Task ClosingTheLastDashboardStopsTheWatch()
    {
        var subscription = await Feed.SubscribeAsync(_project.Id, _ => Task.CompletedTask, CancellationToken.None);

        subscription.Dispose();
        await Task.Delay(300);
        await LabelAsync("alice", "n-1");
        await Task.Delay(MinInterval * 2);

        Assert.Equal(1, Feed.Builds);
        Assert.Equal(0, _database.Get<LabelStudio.Core.Projects.ProjectChangeNotifier>().ListenerCount(_project.Id));
    }

    private DashboardFeed Feed => _database.Get<DashboardFeed>();

    private async Task LabelAsync(string user, string externalId)
    {
        var item = await _database.ItemIdAsync(_project.Id, externalId);
        await new Annotator(_database, _project.Id, user).LabelAsync(item, _classes[0]);
    }

    private async Task LabelManyAsync(string user, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await LabelAsync(user, $"n-{i}");
        }
    }

    /// <summary>The snapshots a dashboard was sent, with a way to wait for one.</summary>
    private sealed class Snapshots
    {
        private readonly ConcurrentQueue<DashboardSnapshot> _all = new();

        public Task AddAsync(DashboardSnapshot snapshot)
        {
            _all.Enqueue(snapshot);
            return Task.CompletedTask;
        }

        public Task<DashboardSnapshot> FirstAsync(Func<DashboardSnapshot, bool> match, TimeSpan limit) =>
            Eventually.WaitForAsync(() => Task.FromResult(_all.FirstOrDefault(match)), limit, "a matching snapshot");
    }
}
