using System.Linq.Expressions;
using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Labeling;

/// <summary>How many labels an item needs under a project's overlap settings.</summary>
public static class OverlapTargets
{
    public const int MaxOverlap = 10;

    /// <summary>
    /// The number of best ranks that count as "the model is unsure": <paramref name="percent"/> of the
    /// generation, rounded up, so any positive share of a non-empty queue covers at least one item.
    /// </summary>
    public static int OverlapRanks(int generationSize, int percent) =>
        (int)Math.Ceiling(generationSize * Math.Clamp(percent, 0, 100) / 100.0);

    /// <summary>
    /// Items the queue ranks: unlabeled ones, and ones annotators labeled fewer times than the overlap.
    /// An imported label (no annotator counted) makes an item done.
    /// </summary>
    public static Expression<Func<Item, bool>> StillOpen(int overlap) =>
        i => i.CurrentClassId == null || i.LabelCount > 0 && i.LabelCount < overlap;

    /// <summary>The same rule as <see cref="StillOpen"/>, for items already in memory.</summary>
    public static bool IsOpen(int? currentClassId, int labelCount, int overlap) =>
        currentClassId is null || labelCount > 0 && labelCount < overlap;
}
