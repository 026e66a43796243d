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
        AppDbContext db, int projectId, string userId, CancellationToken cancellationToken) =>
        QueueService.FreeItems(db, projectId, userId).AsNoTracking().Take(Size).ToListAsync(cancellationToken);

    /// <summary>
    /// The first shortlisted item that is still unleased and unlabeled, inside the caller's write
    /// turn; null when a new ranking was published meanwhile or every one was taken.
    /// </summary>
    public static async Task<ItemRank?> FirstStillFreeAsync(
        AppDbContext db, int projectId, IReadOnlyList<ItemRank> shortlist, CancellationToken cancellationToken)
    {
        if (shortlist.Count == 0)
        {
            return null;
        }

        var served = await db.Projects.Where(p => p.Id == projectId).Select(p => p.QueueVersion)
            .FirstAsync(cancellationToken);
        if (shortlist[0].ModelVersion != served)
        {
            return null;
        }

        var ids = shortlist.Select(r => r.ItemId).ToList();
        var taken = await db.Leases.Where(l => ids.Contains(l.ItemId)).Select(l => l.ItemId)
            .Concat(db.Items.Where(i => ids.Contains(i.Id) && i.CurrentClassId != null).Select(i => i.Id))
            .ToListAsync(cancellationToken);
        return shortlist.FirstOrDefault(r => !taken.Contains(r.ItemId));
    }
}
