using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>
/// The queue before any model exists: a spread of items across the feature space first, so the
/// first labels cover the data's variety, then everything else in a seeded shuffle, never file order.
/// Only a slice of the shuffle is ranked at import: the first model usually replaces the queue after
/// a round or two, so ranking a whole large file up front would mostly be written to be thrown away.
/// When the slice runs out first, the next one is ranked then.
/// </summary>
internal static class ColdStartQueue
{
    /// <summary>How many shuffled items are ranked at a time behind the spread.</summary>
    public const int SliceSize = 2_000;

    private const int Generation = 0;

    public static IReadOnlyList<ItemRank> Build(
        int projectId, IReadOnlyList<long> itemIds, IReadOnlyList<float[]> vectors, int spreadCount, int seed)
    {
        var spread = DiverseSampler.Pick(vectors, Math.Min(spreadCount, itemIds.Count), seed);
        var chosen = new HashSet<int>(spread);
        var rest = Enumerable.Range(0, itemIds.Count).Where(i => !chosen.Contains(i)).ToArray();
        new Random(seed).Shuffle(rest);
        return Ranks(projectId, spread.Concat(rest.Take(SliceSize)).Select(i => itemIds[i]), firstRank: 0);
    }

    /// <summary>
    /// Ranks the next slice of unlabeled items the cold-start queue has not reached, behind it, in
    /// the caller's transaction. False when a model's ranking is served or every item is ranked.
    /// </summary>
    public static async Task<bool> ExtendAsync(AppDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var served = await db.Projects.Where(p => p.Id == projectId).Select(p => p.QueueVersion)
            .FirstOrDefaultAsync(cancellationToken);
        if (served != Generation)
        {
            return false;
        }

        var unranked = await db.Items
            .Where(i => i.ProjectId == projectId && i.CurrentClassId == null)
            .Where(i => !db.ItemRanks.Any(r => r.ItemId == i.Id && r.ModelVersion == Generation))
            .OrderBy(i => i.Id)
            .Select(i => i.Id)
            .ToArrayAsync(cancellationToken);
        if (unranked.Length == 0)
        {
            return false;
        }

        var nextRank = (await db.ItemRanks.Where(r => r.ProjectId == projectId && r.ModelVersion == Generation)
            .MaxAsync(r => (int?)r.Rank, cancellationToken) ?? -1) + 1;
        new Random(projectId + nextRank).Shuffle(unranked);
        await ItemRankWriter.AppendAsync(db, Ranks(projectId, unranked.Take(SliceSize), nextRank), cancellationToken);
        return true;
    }

    private static List<ItemRank> Ranks(int projectId, IEnumerable<long> itemIds, int firstRank) =>
        itemIds.Select((itemId, i) => new ItemRank
            {
                ItemId = itemId,
                ProjectId = projectId,
                Rank = firstRank + i,
                Score = 0,
                ModelVersion = Generation,
            })
            .ToList();
}
