using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Labeling;

/// <summary>
/// The best free items read before a lease request takes its write turn. Finding them walks past
/// every item labeled since the ranking was written, which grows through a round; doing that walk
/// outside the turn keeps it from delaying the other annotators' saves. Inside the turn only the
/// shortlist is checked again, and when none of it is still free the full query runs there.
/// </summary>
internal static class QueueShortlist
{
    // More than the annotators who usually ask at the same moment, so one of them is still free.
    private const int Size = 32;

    public static Task<List<ItemRank>> ReadAsync(
        AppDbContext db, QueueService.FreeQueue queue, CancellationToken cancellationToken) =>
        QueueService.FreeItems(db, queue).AsNoTracking().Take(Size).ToListAsync(cancellationToken);

    /// <summary>
    /// The first shortlisted item that is still free by the same rule as the full query, inside the
    /// caller's write turn; null when a new ranking was published meanwhile or every one was taken.
    /// </summary>
    public static async Task<ItemRank?> FirstStillFreeAsync(
        AppDbContext db, QueueService.FreeQueue queue, IReadOnlyList<ItemRank> shortlist,
        CancellationToken cancellationToken)
    {
        if (shortlist.Count == 0)
        {
            return null;
        }

        var ids = shortlist.Select(r => r.ItemId).ToList();
        return await QueueService.FreeItems(db, queue)
            .Where(r => ids.Contains(r.ItemId))
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
    }
}
