using LabelStudio.Core.Data.Entities;
using LabelStudio.Ml;

namespace LabelStudio.Core.Training;

/// <summary>
/// The queue before any model exists: a spread of items across the feature space first, so the
/// first labels cover the data's variety, then everything else in a seeded shuffle, never file order.
/// </summary>
internal static class ColdStartQueue
{
    public static IReadOnlyList<ItemRank> Build(
        int projectId, IReadOnlyList<long> itemIds, IReadOnlyList<float[]> vectors, int spreadCount, int seed)
    {
        var spread = DiverseSampler.Pick(vectors, Math.Min(spreadCount, itemIds.Count), seed);
        var chosen = new HashSet<int>(spread);
        var rest = Enumerable.Range(0, itemIds.Count).Where(i => !chosen.Contains(i)).ToArray();
        new Random(seed).Shuffle(rest);

        return spread.Concat(rest)
            .Select((index, rank) => new ItemRank
            {
                ItemId = itemIds[index],
                ProjectId = projectId,
                Rank = rank,
                Score = 0,
                ModelVersion = 0,
            })
            .ToList();
    }
}
