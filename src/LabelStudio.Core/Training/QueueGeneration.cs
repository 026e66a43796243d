namespace LabelStudio.Core.Training;

/// <summary>
/// One queue generation in rank order: item ids and their scores in two arrays rather than an
/// <see cref="Data.Entities.ItemRank"/> object per item, which a retrain of a large pool kept alive
/// long enough for every collection meanwhile to copy them.
/// </summary>
internal sealed record QueueGeneration(int ProjectId, int Version, long[] ItemIds, float[] Scores)
{
    public int Count => ItemIds.Length;

    /// <summary>The best <paramref name="count"/> ranks: all a queue needs until a lease runs past them.</summary>
    public QueueGeneration Head(int count) =>
        count >= Count ? this : this with { ItemIds = ItemIds[..count], Scores = Scores[..count] };
}
