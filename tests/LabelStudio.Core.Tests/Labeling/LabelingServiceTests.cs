using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Labeling;

public sealed class LabelingServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ADecisionIsCreditedWithADayAtMostHoweverLongTheTabStayedOpen()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, _) = await TwoClassesAsync(project.Id);
        var lease = (await new Annotator(_database, project.Id, "alice").NextAsync())!;

        var labeled = await _database.Get<LabelingService>().SubmitAsync(
            new LabelSubmission(project.Id, lease.ItemId, "alice", low, SecondsSpent: 3 * 86_400.0, Comment: null,
                SuggestionShown: false, lease.Id),
            CancellationToken.None);

        Assert.Equal(LabelingService.MaxSecondsSpent, labeled.SecondsSpent);
    }

    [Fact]
    public async Task RelabelingAppendsAnEventAndTheCurrentLabelFollowsTheLatest()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, high) = await TwoClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");
        var item = (await alice.NextAsync())!.ItemId;

        var first = await alice.LabelAsync(item, low);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await alice.LabelAsync(item, high);

        await using var db = await _database.ContextAsync();
        var events = await db.LabelEvents.Where(e => e.ItemId == item).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([first.Id, second.Id], events.Select(e => e.Id));
        Assert.Equal([low, high], events.Select(e => e.ClassId!.Value));
        var stored = await db.Items.SingleAsync(i => i.Id == item);
        Assert.Equal(high, stored.CurrentClassId);
        Assert.Equal(second.Id, stored.CurrentLabelEventId);
        Assert.Equal(_database.Clock.GetUtcNow(), events[1].CreatedAt);
    }

    [Fact]
    public async Task SkipAfterALabelKeepsTheLabel()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, _) = await TwoClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");
        var item = (await alice.NextAsync())!.ItemId;
        var label = await alice.LabelAsync(item, low);

        var skip = await alice.SkipAsync(item);

        Assert.Equal(LabelEventKind.Skip, skip.Kind);
        Assert.Null(skip.ClassId);
        await using var db = await _database.ContextAsync();
        var stored = await db.Items.SingleAsync(i => i.Id == item);
        Assert.Equal(low, stored.CurrentClassId);
        Assert.Equal(label.Id, stored.CurrentLabelEventId);
    }

    [Fact]
    public async Task SubmittingFreesTheAnnotatorsLease()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, _) = await TwoClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");
        var first = (await alice.NextAsync())!.ItemId;
        var second = (await new Annotator(_database, project.Id, "bob").NextAsync())!.ItemId;

        await alice.LabelAsync(first, low);

        await using var db = await _database.ContextAsync();
        var leases = await db.Leases.Where(l => l.ProjectId == project.Id).ToListAsync();
        var remaining = Assert.Single(leases);
        Assert.Equal(("bob", second), (remaining.UserId, remaining.ItemId));
    }

    [Fact]
    public async Task EventRecordsTheRoundModelVersionStrategyAndScoreTheItemWasServedWith()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 5, QueryStrategy.Entropy);
        var alice = new Annotator(_database, project.Id, "alice");
        await alice.LabelNextTruthfullyAsync(5);
        var model = await _database.Get<TrainingRunner>().RunIfDueAsync(project.Id, CancellationToken.None);
        var lease = (await alice.NextAsync())!;

        var labeled = await alice.LabelNextTruthfullyAsync();

        Assert.Equal(1, model?.Version);
        Assert.Equal(lease.ItemId, labeled!.ItemId);
        Assert.Equal(2, labeled.Round);
        Assert.Equal(1, labeled.ModelVersion);
        Assert.Equal(QueryStrategy.Entropy, labeled.Strategy);
        Assert.NotNull(lease.Score);
        Assert.Equal(lease.Score, labeled.ScoreWhenServed);
        Assert.Equal(2.5, labeled.SecondsSpent);
        await using var db = await _database.ContextAsync();
        var rank = await db.ItemRanks.SingleAsync(r => r.ItemId == lease.ItemId);
        Assert.Equal(rank.Score, labeled.ScoreWhenServed);
        var firstRound = await db.LabelEvents.Where(e => e.Id != labeled.Id).ToListAsync();
        Assert.All(firstRound, e => Assert.Equal((1, 0, 0.0), (e.Round, e.ModelVersion, e.ScoreWhenServed)));
    }

    [Fact]
    public async Task RoundsCountLabelsButNotSkips()
    {
        var project = await _database.CreateProjectAsync("Rounds", ["Low", "High"], roundSize: 2);
        await _database.ImportCsvAsync(project.Id, "Id,Value\na,1\nb,2\nc,3\nd,4\ne,5\n",
            new TableImportPlan(["Value"], IdColumn: "Id"));
        var (low, _) = await TwoClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");

        var rounds = new List<int>();
        foreach (var skip in new[] { false, true, false, false, true })
        {
            var item = (await alice.NextAsync())!.ItemId;
            var recorded = skip ? await alice.SkipAsync(item) : await alice.LabelAsync(item, low);
            rounds.Add(recorded.Round);
        }

        Assert.Equal([1, 1, 1, 2, 2], rounds);
    }

    [Fact]
    public async Task LabelForAnItemOfAnotherProjectIsRefused()
    {
        var mine = await _database.CreateNumberedItemsAsync(3, "Mine");
        var theirs = await _database.CreateNumberedItemsAsync(3, "Theirs");
        var (low, _) = await TwoClassesAsync(mine.Id);
        var theirItem = (await new Annotator(_database, theirs.Id, "bob").NextAsync())!.ItemId;

        var refusal = await Assert.ThrowsAsync<LabelingException>(
            () => new Annotator(_database, mine.Id, "alice").LabelAsync(theirItem, low));

        Assert.Contains($"Item {theirItem} is not in project 'Mine'", refusal.Message);
        await AssertNothingLabeledAsync();
    }

    [Fact]
    public async Task LabelWithAClassOfAnotherProjectIsRefused()
    {
        var mine = await _database.CreateNumberedItemsAsync(3, "Mine");
        var theirs = await _database.CreateNumberedItemsAsync(3, "Theirs");
        var (theirClass, _) = await TwoClassesAsync(theirs.Id);
        var alice = new Annotator(_database, mine.Id, "alice");
        var item = (await alice.NextAsync())!.ItemId;

        var refusal = await Assert.ThrowsAsync<LabelingException>(() => alice.LabelAsync(item, theirClass));

        Assert.Contains($"Class {theirClass} is not a class of project 'Mine'", refusal.Message);
        await AssertNothingLabeledAsync();
        await using var db = await _database.ContextAsync();
        Assert.True(await db.Leases.AnyAsync(l => l.ItemId == item && l.UserId == "alice"));
    }

    [Fact]
    public async Task ALateDecisionOnAnItemThatExpiredToAColleagueIsRefusedAndKeepsTheirLabel()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, high) = await TwoClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");
        var bob = new Annotator(_database, project.Id, "bob");
        var aliceLease = (await alice.NextAsync())!;
        _database.Clock.Advance(
            _database.Get<Microsoft.Extensions.Options.IOptions<Storage.StorageOptions>>().Value.LeaseDuration * 2);
        var bobLease = (await bob.NextAsync())!;
        await bob.LabelAsync(bobLease.ItemId, high);

        var late = new LabelSubmission(project.Id, aliceLease.ItemId, "alice", low, 30, null, false, aliceLease.Id);
        var refused = await Assert.ThrowsAsync<LabelingException>(
            () => _database.Get<LabelingService>().SubmitAsync(late, CancellationToken.None));

        Assert.Equal(aliceLease.ItemId, bobLease.ItemId);
        Assert.True(refused.ItemTaken);
        await using var db = await _database.ContextAsync();
        Assert.Equal(high, (await db.Items.SingleAsync(i => i.Id == aliceLease.ItemId)).CurrentClassId);
        Assert.Equal(1, await db.LabelEvents.CountAsync(e => e.ItemId == aliceLease.ItemId));
    }

    [Fact]
    public async Task TheSameItemLabeledInASecondTabIsRefusedThere()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, high) = await TwoClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");
        var firstTab = (await alice.NextAsync())!;
        var secondTab = (await alice.NextAsync())!;
        var labeling = _database.Get<LabelingService>();
        await labeling.SubmitAsync(
            new LabelSubmission(project.Id, firstTab.ItemId, "alice", low, 3, null, false, firstTab.Id),
            CancellationToken.None);

        var again = new LabelSubmission(project.Id, secondTab.ItemId, "alice", high, 3, null, false, secondTab.Id);
        var refused = await Assert.ThrowsAsync<LabelingException>(
            () => labeling.SubmitAsync(again, CancellationToken.None));

        Assert.Equal(firstTab.Id, secondTab.Id);
        Assert.True(refused.ItemTaken);
        await using var db = await _database.ContextAsync();
        Assert.Equal(low, (await db.Items.SingleAsync(i => i.Id == firstTab.ItemId)).CurrentClassId);
    }

    [Fact]
    public async Task ALeaseOnAnotherItemDoesNotLetAnAnnotatorLabelAnItemAColleagueHolds()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, high) = await TwoClassesAsync(project.Id);
        var aliceLease = (await new Annotator(_database, project.Id, "alice").NextAsync())!;
        var bobLease = (await new Annotator(_database, project.Id, "bob").NextAsync())!;

        var borrowed = new LabelSubmission(project.Id, bobLease.ItemId, "alice", low, 3, null, false, aliceLease.Id);
        var refused = await Assert.ThrowsAsync<LabelingException>(
            () => _database.Get<LabelingService>().SubmitAsync(borrowed, CancellationToken.None));
        var bobsLease = new LabelSubmission(project.Id, bobLease.ItemId, "alice", low, 3, null, false, bobLease.Id);
        var refusedAgain = await Assert.ThrowsAsync<LabelingException>(
            () => _database.Get<LabelingService>().SubmitAsync(bobsLease, CancellationToken.None));

        Assert.True(refused.WrongLease);
        Assert.Contains($"item {aliceLease.ItemId}, not item {bobLease.ItemId}", refused.Message);
        Assert.True(refusedAgain.WrongLease);
        Assert.Contains("another annotator", refusedAgain.Message);
        await new Annotator(_database, project.Id, "bob").LabelAsync(bobLease.ItemId, high);
        await using var db = await _database.ContextAsync();
        Assert.Equal(["bob"], await db.LabelEvents.Where(e => e.ItemId == bobLease.ItemId).Select(e => e.UserId)
            .ToListAsync());
    }

    [Fact]
    public async Task WithoutALeaseAnItemAColleagueHoldsOrThatHasItsVotesIsRefused()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, high) = await TwoClassesAsync(project.Id);
        var bob = new Annotator(_database, project.Id, "bob");
        var held = (await bob.NextAsync())!.ItemId;
        var carol = new Annotator(_database, project.Id, "carol");
        var labeled = (await carol.NextAsync())!.ItemId;
        await carol.LabelAsync(labeled, high);
        var labeling = _database.Get<LabelingService>();

        foreach (var item in new[] { held, labeled })
        {
            var unleased = new LabelSubmission(project.Id, item, "alice", low, 3, null, false);
            var refused = await Assert.ThrowsAsync<LabelingException>(
                () => labeling.SubmitAsync(unleased, CancellationToken.None));
            Assert.Equal(
                item == held ? ItemTakenReason.HeldByColleague : ItemTakenReason.AlreadyLabeled, refused.Taken);
        }
        await using var db = await _database.ContextAsync();
        Assert.False(await db.LabelEvents.AnyAsync(e => e.UserId == "alice"));
        Assert.Equal(1, (await db.Items.SingleAsync(i => i.Id == labeled)).LabelCount);
    }

    [Fact]
    public async Task AnAnnotatorChangesTheirOwnEarlierLabelWithoutALease()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        var (low, high) = await TwoClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");
        var item = (await alice.NextAsync())!.ItemId;
        await alice.LabelAsync(item, low);

        var fromHistory = new LabelSubmission(project.Id, item, "alice", high, 3, null, false);
        await _database.Get<LabelingService>().SubmitAsync(fromHistory, CancellationToken.None);

        await using var db = await _database.ContextAsync();
        var stored = await db.Items.SingleAsync(i => i.Id == item);
        Assert.Equal((high, 1), (stored.CurrentClassId!.Value, stored.LabelCount));
    }

    private async Task<(int First, int Second)> TwoClassesAsync(int projectId)
    {
        var ids = await _database.ClassIdsAsync(projectId);
        return (ids[0], ids[1]);
    }

    private async Task AssertNothingLabeledAsync()
    {
        await using var db = await _database.ContextAsync();
        Assert.Equal(0, await db.LabelEvents.CountAsync());
        Assert.Equal(0, await db.Items.CountAsync(i => i.CurrentClassId != null || i.CurrentLabelEventId != null));
    }
}
