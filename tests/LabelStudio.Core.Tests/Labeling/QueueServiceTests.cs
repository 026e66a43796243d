using LabelStudio.Core.Labeling;
using LabelStudio.Core.Storage;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Tests.Labeling;

public sealed class QueueServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private TimeSpan LeaseDuration => _database.Get<IOptions<StorageOptions>>().Value.LeaseDuration;

    [Fact]
    public async Task TwentyAnnotatorsAskingAtOnceNeverShareAnItem()
    {
        var project = await _database.CreateNumberedItemsAsync(30);
        var queue = _database.Get<QueueService>();
        var users = Enumerable.Range(1, 20).Select(u => $"annotator-{u}").ToList();

        var leases = await Task.WhenAll(users.Select(user =>
            Task.Run(() => queue.NextAsync(project.Id, user, CancellationToken.None))));

        Assert.All(leases, Assert.NotNull);
        Assert.Equal(20, leases.Select(l => l!.ItemId).Distinct().Count());
        Assert.Equal(users.Order(), leases.Select(l => l!.UserId).Order());
        await using var db = await _database.ContextAsync();
        var bestTwenty = (await _database.RanksAsync(project.Id)).Take(20).Select(r => r.ItemId);
        Assert.Equal(bestTwenty.Order(), leases.Select(l => l!.ItemId).Order());
        Assert.Equal(20, await db.Leases.CountAsync(l => l.ProjectId == project.Id));
    }

    [Fact]
    public async Task ColdStartQueueRanksItsNextSliceWhenTheRankedOneIsUsedUp()
    {
        var spread = _database.Get<IOptions<TrainingOptions>>().Value.ColdStartSpread;
        var project = await _database.CreateNumberedItemsAsync(spread + ColdStartQueue.SliceSize + 30);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var ranked = (await _database.RanksAsync(project.Id)).Select(r => r.ItemId).ToHashSet();
        await using (var db = await _database.ContextAsync())
        {
            await db.Items.Where(i => ranked.Contains(i.Id))
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.CurrentClassId, classId));
        }

        var lease = await _database.Get<QueueService>().NextAsync(project.Id, "annotator", CancellationToken.None);

        Assert.Equal(spread + ColdStartQueue.SliceSize, ranked.Count);
        Assert.NotNull(lease);
        Assert.DoesNotContain(lease.ItemId, ranked);
        var ranks = await _database.RanksAsync(project.Id);
        Assert.Equal(Enumerable.Range(0, ranked.Count + 30), ranks.Select(r => r.Rank));
        Assert.Equal(ranked.Count + 30, ranks.Select(r => r.ItemId).Distinct().Count());
    }

    [Fact]
    public async Task TwentyAnnotatorsWorkingAtOnceLabelEveryItemExactlyOnce()
    {
        var project = await _database.CreateNumberedItemsAsync(60);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var annotators = Enumerable.Range(1, 20)
            .Select(u => new Annotator(_database, project.Id, $"annotator-{u}"))
            .ToList();

        var served = await Task.WhenAll(annotators.Select(annotator => Task.Run(async () =>
        {
            var items = new List<long>();
            while (await annotator.NextAsync() is { } lease)
            {
                items.Add(lease.ItemId);
                await annotator.LabelAsync(lease.ItemId, classId);
            }
            return items;
        })));

        var all = served.SelectMany(items => items).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
        await using var db = await _database.ContextAsync();
        Assert.Equal(60, await db.LabelEvents.CountAsync(e => e.ProjectId == project.Id));
        Assert.Equal(0, await db.Leases.CountAsync());
    }

    [Fact]
    public async Task AnnotatorAskingAgainGetsTheItemTheyHoldWithALongerLease()
    {
        var project = await _database.CreateNumberedItemsAsync(10);
        var alice = new Annotator(_database, project.Id, "alice");
        var first = await alice.NextAsync();

        _database.Clock.Advance(LeaseDuration / 2);
        var again = await alice.NextAsync();
        _database.Clock.Advance(LeaseDuration * 0.75);
        var servedToBob = await new Annotator(_database, project.Id, "bob").NextAsync();

        Assert.NotNull(first);
        Assert.NotNull(again);
        Assert.Equal((first.Id, first.ItemId), (again.Id, again.ItemId));
        Assert.Equal(TestDatabase.Start + LeaseDuration * 1.5, again.ExpiresAt);
        Assert.NotEqual(first.ItemId, servedToBob!.ItemId);
        await using var db = await _database.ContextAsync();
        Assert.Equal(again.ExpiresAt, (await db.Leases.SingleAsync(l => l.UserId == "alice")).ExpiresAt);
    }

    [Fact]
    public async Task ExpiredLeaseReturnsTheItemToTheQueue()
    {
        var project = await _database.CreateNumberedItemsAsync(10);
        var alice = new Annotator(_database, project.Id, "alice");
        var held = await alice.NextAsync();

        _database.Clock.Advance(LeaseDuration - TimeSpan.FromSeconds(1));
        var beforeExpiry = await new Annotator(_database, project.Id, "bob").NextAsync();
        _database.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await new Annotator(_database, project.Id, "carol").NextAsync();

        Assert.NotEqual(held!.ItemId, beforeExpiry!.ItemId);
        Assert.Equal(held.ItemId, afterExpiry!.ItemId);
        Assert.NotEqual(held.ItemId, (await alice.NextAsync())!.ItemId);
    }

    [Fact]
    public async Task SkippedItemIsNotServedAgainToTheSameAnnotatorButIsToOthers()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var alice = new Annotator(_database, project.Id, "alice");
        var skipped = (await alice.NextAsync())!.ItemId;
        await alice.SkipAsync(skipped);

        var servedToAlice = new List<long>();
        while (await alice.NextAsync() is { } lease)
        {
            servedToAlice.Add(lease.ItemId);
            await alice.LabelAsync(lease.ItemId, classId);
        }
        var servedToBob = await new Annotator(_database, project.Id, "bob").NextAsync();

        Assert.Equal(4, servedToAlice.Count);
        Assert.DoesNotContain(skipped, servedToAlice);
        Assert.Equal(skipped, servedToBob!.ItemId);
    }

    [Fact]
    public async Task LabeledItemsNeverComeBack()
    {
        var project = await _database.CreateNumberedItemsAsync(6);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var alice = new Annotator(_database, project.Id, "alice");
        var labeled = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var lease = (await alice.NextAsync())!;
            await alice.LabelAsync(lease.ItemId, classId);
            labeled.Add(lease.ItemId);
        }

        _database.Clock.Advance(LeaseDuration * 2);
        var servedToAlice = await DrainBySkippingAsync(alice);
        var servedToBob = await DrainBySkippingAsync(new Annotator(_database, project.Id, "bob"));

        Assert.Equal(3, servedToAlice.Count);
        Assert.Empty(servedToAlice.Intersect(labeled));
        Assert.Equal(servedToAlice.Order(), servedToBob.Order());
    }

    [Fact]
    public async Task ReleasedItemGoesBackToTheQueueAtOnce()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var held = (await new Annotator(_database, project.Id, "alice").NextAsync())!;

        await _database.Get<QueueService>().ReleaseAsync(project.Id, "alice", CancellationToken.None);
        var next = await new Annotator(_database, project.Id, "bob").NextAsync();

        Assert.Equal(held.ItemId, next!.ItemId);
    }

    private static async Task<List<long>> DrainBySkippingAsync(Annotator annotator)
    {
        var served = new List<long>();
        while (await annotator.NextAsync() is { } lease)
        {
            served.Add(lease.ItemId);
            await annotator.SkipAsync(lease.ItemId);
        }
        return served;
    }
}
