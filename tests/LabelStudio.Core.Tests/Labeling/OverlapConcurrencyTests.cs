using System.Collections.Concurrent;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Labeling;

/// <summary>
/// Twenty annotators label a 5,000-item project at once through the real services on a SQLite file,
/// until the queue is empty: every label they were told was saved is on disk, every item has exactly
/// its target of distinct annotators, and nobody was served the same item twice.
/// </summary>
public sealed class OverlapConcurrencyTests : IAsyncLifetime
{
    private const int ItemCount = 5_000;
    private const int AnnotatorCount = 20;

    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TwentyAnnotatorsLabelEveryItemExactlyItsTargetTimesAndNobodyTwice(int overlap)
    {
        var project = await _database.CreateNumberedItemsAsync(ItemCount);
        await _database.SetOverlapAsync(project.Id, overlap);
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        var saved = new ConcurrentBag<(string UserId, long ItemId, long EventId)>();

        var served = await Task.WhenAll(Enumerable.Range(1, AnnotatorCount).Select(u => Task.Run(async () =>
        {
            var annotator = new Annotator(_database, project.Id, $"annotator-{u}");
            var items = new List<long>();
            while (await annotator.NextAsync() is { } lease)
            {
                items.Add(lease.ItemId);
                var labelEvent = await annotator.LabelAsync(lease.ItemId, classId, lease.Id);
                saved.Add((annotator.UserId, lease.ItemId, labelEvent.Id));
            }
            return (annotator.UserId, Items: items);
        })));

        Assert.All(served, s => Assert.Equal(s.Items.Count, s.Items.Distinct().Count()));
        Assert.Equal(ItemCount * overlap, saved.Count);
        await using var db = await _database.ContextAsync();
        var onDisk = await db.LabelEvents.Where(e => e.ProjectId == project.Id).Select(e => e.Id).ToListAsync();
        Assert.Equal(saved.Select(s => s.EventId).Order(), onDisk.Order());
        var labelersPerItem = await db.LabelEvents.Where(e => e.ProjectId == project.Id)
            .GroupBy(e => e.ItemId)
            .Select(g => g.Select(e => e.UserId).Distinct().Count())
            .ToListAsync();
        Assert.Equal(ItemCount, labelersPerItem.Count);
        Assert.All(labelersPerItem, count => Assert.Equal(overlap, count));
        Assert.Equal(ItemCount, await db.Items.CountAsync(i => i.ProjectId == project.Id && i.LabelCount == overlap));
        Assert.Equal(0, await db.Leases.CountAsync());
    }
}
