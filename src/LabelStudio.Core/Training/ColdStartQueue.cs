using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>
/// The queue before any model exists: a spread of items across the feature space first, so the
/// first labels cover the data's variety, then everything else in a seeded shuffle, never file order.
/// Only a slice of the shuffle is ranked at import: the first model usually replaces the queue after
/// a round or two, so ranking a whole large file up front would mostly be written to be thrown away.
/// When the slice runs out first, the next one is ranked then. A model's queue holds only its best
/// slice too (<see cref="TrainingOptions.RankedSlice"/>); should it run out before the next model
/// replaces it, the rest of the open items follow in the same seeded shuffle.
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
        var queue = spread.Concat(rest.Take(SliceSize)).Select(i => itemIds[i]);
        return Ranks(projectId, queue, firstRank: 0, Generation);
    }

    /// <summary>
    /// Ranks the next slice of open items the served queue has not reached, behind it, in the
    /// caller's transaction. False when every open item is ranked. This reads every item, but runs
    /// only once per slice used up.
    /// </summary>
    public static async Task<bool> ExtendAsync(AppDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new { p.QueueVersion, p.Overlap })
            .FirstAsync(cancellationToken);
        var served = project.QueueVersion;
        var unranked = await db.Items
            .Where(i => i.ProjectId == projectId)
            .Where(OverlapTargets.StillOpen(project.Overlap))
            .Where(i => !db.ItemRanks.Any(r => r.ItemId == i.Id && r.ModelVersion == served))
            .OrderBy(i => i.Id)
            .Select(i => i.Id)
            .ToArrayAsync(cancellationToken);
        if (unranked.Length == 0)
        {
            return false;
        }

        var nextRank = (await db.ItemRanks.Where(r => r.ProjectId == projectId && r.ModelVersion == served)
            .MaxAsync(r => (int?)r.Rank, cancellationToken) ?? -1) + 1;
        new Random(projectId + nextRank).Shuffle(unranked);
        var slice = Ranks(projectId, unranked.Take(SliceSize), nextRank, served);
        await ItemRankWriter.AppendAsync(db, slice, cancellationToken);
        return true;
    }

    private static List<ItemRank> Ranks(int projectId, IEnumerable<long> itemIds, int firstRank, int generation) =>
        itemIds.Select((itemId, i) => new ItemRank
            {
                ItemId = itemId,
                ProjectId = projectId,
                Rank = firstRank + i,
                Score = 0,
                ModelVersion = generation,
            })
            .ToList();
}
