using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Labeling;

public sealed class OverlapTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AtOverlapTwoTwoAnnotatorsHoldTheSameBestItemAndAThirdGetsTheNext()
    {
        var project = await _database.CreateNumberedItemsAsync(5);
        await _database.SetOverlapAsync(project.Id, 2);

        var first = await new Annotator(_database, project.Id, "ann").NextAsync();
        var second = await new Annotator(_database, project.Id, "bob").NextAsync();
        var third = await new Annotator(_database, project.Id, "cat").NextAsync();

        Assert.Equal(first!.ItemId, second!.ItemId);
        Assert.NotEqual(first.ItemId, third!.ItemId);
    }

    [Fact]
    public async Task ItemLabeledByTwoAnnotatorsAtOverlapTwoIsNeverServedAgain()
    {
        var project = await _database.CreateNumberedItemsAsync(3);
        await _database.SetOverlapAsync(project.Id, 2);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var ann = new Annotator(_database, project.Id, "ann");
        var bob = new Annotator(_database, project.Id, "bob");
        var item = (await ann.NextAsync())!.ItemId;
        await ann.LabelAsync(item, classId);
        Assert.Equal(item, (await bob.NextAsync())!.ItemId);
        await bob.LabelAsync(item, classId);

        var cat = new Annotator(_database, project.Id, "cat");
        var servedToCat = new List<long>();
        while (await cat.NextAsync() is { } lease)
        {
            servedToCat.Add(lease.ItemId);
            await cat.SkipAsync(lease.ItemId);
        }

        Assert.DoesNotContain(item, servedToCat);
        Assert.Equal(2, servedToCat.Count);
        Assert.NotEqual(item, (await ann.NextAsync())?.ItemId);
    }

    [Fact]
    public async Task AnnotatorWhoLabeledAnItemNeverGetsItAgainEvenWhenItNeedsMoreLabels()
    {
        var project = await _database.CreateNumberedItemsAsync(2);
        await _database.SetOverlapAsync(project.Id, 3);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var ann = new Annotator(_database, project.Id, "ann");

        var served = new List<long>();
        while (await ann.NextAsync() is { } lease)
        {
            served.Add(lease.ItemId);
            await ann.LabelAsync(lease.ItemId, classId, lease.Id);
        }

        Assert.Equal(2, served.Count);
        Assert.Equal(2, served.Distinct().Count());
    }

    [Fact]
    public async Task UncertainScopeGivesTheOverlapOnlyToTheTopShareOfTheRanking()
    {
        var project = await _database.CreateNumberedItemsAsync(10);
        await _database.SetOverlapAsync(project.Id, 2, OverlapScope.UncertainItems, percent: 20);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var annotators = Enumerable.Range(1, 4).Select(u => new Annotator(_database, project.Id, $"a{u}")).ToList();
        List<long> topTwo;
        await using (var before = await _database.ContextAsync())
        {
            topTwo = await before.ItemRanks.Where(r => r.ProjectId == project.Id).OrderBy(r => r.Rank).Take(2)
                .Select(r => r.ItemId).ToListAsync();
        }

        foreach (var annotator in annotators)
        {
            while (await annotator.NextAsync() is { } lease)
            {
                await annotator.LabelAsync(lease.ItemId, classId, lease.Id);
            }
        }

        await using var db = await _database.ContextAsync();
        var counts = await db.Items.Where(i => i.ProjectId == project.Id)
            .ToDictionaryAsync(i => i.Id, i => i.LabelCount);
        Assert.All(topTwo, id => Assert.Equal(2, counts[id]));
        Assert.Equal(8, counts.Count(pair => pair.Value == 1));
    }
}
