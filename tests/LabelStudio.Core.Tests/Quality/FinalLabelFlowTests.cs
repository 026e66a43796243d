using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Quality;

/// <summary>Several annotators label the same items through the real services; the rule settles or disputes.</summary>
public sealed class FinalLabelFlowTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;
    private int _low, _high;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateNumberedItemsAsync(6);
        // Up to three annotators vote on every item.
        await _database.SetOverlapAsync(_project.Id, 3);
        var classes = await _database.ClassIdsAsync(_project.Id);
        (_low, _high) = (classes[0], classes[1]);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AgreeingAnnotatorsGiveAMajorityLabelWithTheirVoteCount()
    {
        var item = await _database.ItemIdAsync(_project.Id, "n-1");

        await Annotator("alice").LabelAsync(item, _high);
        await Annotator("bob").LabelAsync(item, _high);

        var stored = await ItemAsync(item);
        Assert.Equal((_high, LabelSource.Majority, 2), (stored.CurrentClassId, stored.LabelSource, stored.VoteCount));
    }

    [Fact]
    public async Task ATieWaitsForReviewAndIsNeitherServedNorTrainedOn()
    {
        await _database.SetOverlapAsync(_project.Id, 2);
        var item = await _database.ItemIdAsync(_project.Id, "n-1");

        await Annotator("alice").LabelAsync(item, _low);
        await Annotator("bob").LabelAsync(item, _high);

        var stored = await ItemAsync(item);
        Assert.Equal((null, LabelSource.Disputed, 2), (stored.CurrentClassId, stored.LabelSource, stored.VoteCount));
        Assert.Equal(1, await _database.Get<ReviewService>().CountAsync(_project.Id, CancellationToken.None));
        var carol = Annotator("carol");
        var served = new List<long>();
        while (await carol.NextAsync() is { } lease)
        {
            served.Add(lease.ItemId);
            await carol.SkipAsync(lease.ItemId);
        }
        Assert.Equal(5, served.Count);
        Assert.DoesNotContain(item, served);
    }

    [Fact]
    public async Task AReviewSettlesTheItemAndTheExportSaysSo()
    {
        var item = await _database.ItemIdAsync(_project.Id, "n-2");
        await Annotator("alice").LabelAsync(item, _low);
        await Annotator("bob").LabelAsync(item, _high);
        var review = _database.Get<ReviewService>();

        var shown = await review.NextAsync(_project.Id, afterItemId: null, CancellationToken.None);
        await review.DecideAsync(
            new ReviewDecision(_project.Id, item, "lead", _high, "wide flippers"), CancellationToken.None);

        Assert.NotNull(shown);
        Assert.Equal(item, shown.Item.ItemId);
        Assert.Equal(["alice", "bob"], shown.Votes.Select(v => v.Annotator));
        Assert.All(shown.Votes, v => Assert.True(v.Counts));
        var stored = await ItemAsync(item);
        Assert.Equal((_high, LabelSource.Review), (stored.CurrentClassId, stored.LabelSource));
        Assert.Null(await review.NextAsync(_project.Id, afterItemId: null, CancellationToken.None));
        var table = await ExportAsync();
        var row = Assert.Single(table.Rows);
        Assert.Equal(
            ["High", "wide flippers", "review", "2"],
            new[] { "label", "comment", "label_source", "votes" }.Select(c => row.Values[table.IndexOf(c)]));
    }

    [Fact]
    public async Task SwitchingToLeadDecidesSendsSettledDisagreementsToReviewAndBack()
    {
        var item = await _database.ItemIdAsync(_project.Id, "n-3");
        await Annotator("alice").LabelAsync(item, _low);
        await Annotator("bob").LabelAsync(item, _low);
        await Annotator("carol").LabelAsync(item, _high);
        var projects = _database.Get<ProjectService>();
        var draft = await DraftAsync();

        draft.FinalLabelRule = FinalLabelRule.LeadDecides;
        await projects.UpdateAsync(_project.Id, draft, userId: null, CancellationToken.None);
        var underLead = await ItemAsync(item);
        draft.FinalLabelRule = FinalLabelRule.Majority;
        await projects.UpdateAsync(_project.Id, draft, userId: null, CancellationToken.None);
        var underMajority = await ItemAsync(item);

        Assert.Equal((null, LabelSource.Disputed), (underLead.CurrentClassId, underLead.LabelSource));
        Assert.Equal((_low, LabelSource.Majority), (underMajority.CurrentClassId, underMajority.LabelSource));
    }

    [Fact]
    public async Task ASingleAnnotatorsRelabelStaysASingleVote()
    {
        var item = await _database.ItemIdAsync(_project.Id, "n-4");
        var alice = Annotator("alice");

        await alice.LabelAsync(item, _low);
        var relabel = await alice.LabelAsync(item, _high);

        var stored = await ItemAsync(item);
        Assert.Equal(
            (_high, relabel.Id, LabelSource.Single, 1),
            (stored.CurrentClassId, stored.CurrentLabelEventId, stored.LabelSource, stored.VoteCount));
    }

    [Fact]
    public async Task ASettledDisagreementAppearsOnTheTimelineWithTheReviewerAndThePickedClass()
    {
        var item = await _database.ItemIdAsync(_project.Id, "n-4");
        await Annotator("alice").LabelAsync(item, _low);
        await Annotator("bob").LabelAsync(item, _high);

        await _database.Get<ReviewService>().DecideAsync(
            new ReviewDecision(_project.Id, item, "lead-1", _high, null), CancellationToken.None);

        var reviews = await _database.Get<LabelStudio.Core.Teams.ActivityLog>().ListAsync(
            _project.Id, new LabelStudio.Core.Teams.ActivityFilter(ActivityType.Review), CancellationToken.None);
        var entry = Assert.Single(reviews);
        Assert.Equal("Settled item n-4 as High after 2 disagreeing votes", entry.Summary);
    }

    private Annotator Annotator(string userId) => new(_database, _project.Id, userId);


    private async Task<Item> ItemAsync(long itemId)
    {
        await using var db = await _database.ContextAsync();
        return await db.Items.AsNoTracking().SingleAsync(i => i.Id == itemId);
    }

    private async Task<ProjectDraft> DraftAsync()
    {
        var project = (await _database.Get<ProjectService>().GetAsync(_project.Id, CancellationToken.None))!;
        return new ProjectDraft
        {
            Name = project.Name,
            RoundSize = project.RoundSize,
            Classes = [.. project.Classes.Select(c => new ClassDraft { Id = c.Id, Name = c.Name, Hotkey = c.Hotkey })],
        };
    }

    private async Task<ParsedTable> ExportAsync()
    {
        using var output = new MemoryStream();
        await _database.Get<CsvExporter>().WriteAsync(_project.Id, output, CancellationToken.None);
        using var written = new MemoryStream(output.ToArray());
        return await TableFileParser.ParseAsync(written, "export.csv");
    }
}
