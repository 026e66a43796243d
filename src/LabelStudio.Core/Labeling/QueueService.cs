using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Labeling;

/// <summary>Hands out the best-ranked free item under a lease, so two annotators never get the same one.</summary>
public sealed class QueueService(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<StorageOptions> options,
    WriteGate writeGate,
    TimeProvider clock)
{
    /// <summary>
    /// The item this annotator should label now: the one they already hold, or the best-ranked item
    /// that nobody holds, nobody has labeled and this annotator has not skipped. Null when none is left.
    /// </summary>
    public async Task<Lease?> NextAsync(int projectId, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);

        // An immediate transaction: SQLite takes the write lock up front, so the read below and the
        // insert that follows cannot interleave with another annotator's request.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var held = await db.Leases
            .Where(l => l.ProjectId == projectId && l.UserId == userId && l.ExpiresAt > now)
            .Join(db.Items, l => l.ItemId, i => i.Id, (l, i) => new { Lease = l, i.VoteCount })
            .FirstOrDefaultAsync(cancellationToken);
        if (held is { VoteCount: 0 })
        {
            held.Lease.ExpiresAt = now + options.Value.LeaseDuration;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return held.Lease;
        }

        await db.Leases
            .Where(l => l.ProjectId == projectId && (l.ExpiresAt <= now || l.UserId == userId))
            .ExecuteDeleteAsync(cancellationToken);

        var candidate = await FreeItems(db, projectId, userId)
            .Select(r => new { r.ItemId, r.Score, r.ModelVersion })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var lease = new Lease
        {
            ProjectId = projectId,
            ItemId = candidate.ItemId,
            UserId = userId,
            LeasedAt = now,
            ExpiresAt = now + options.Value.LeaseDuration,
            Score = candidate.Score,
            ModelVersion = candidate.ModelVersion,
        };
        db.Leases.Add(lease);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return lease;
    }

    /// <summary>Gives the annotator's held item back to the queue, e.g. when they leave the page.</summary>
    public async Task ReleaseAsync(int projectId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Leases
            .Where(l => l.ProjectId == projectId && l.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Ranked items nobody has labeled (a disputed item has votes but no final label: it waits for
    /// review, not for another annotator) or holds and this annotator has not skipped, best first.</summary>
    internal static IQueryable<ItemRank> FreeItems(AppDbContext db, int projectId, string userId) =>
        db.ItemRanks
            .Where(r => r.ProjectId == projectId)
            .Where(r => r.ModelVersion == db.Projects.Where(p => p.Id == projectId).Select(p => p.QueueVersion).First())
            .Where(r => db.Items.Any(i => i.Id == r.ItemId && i.VoteCount == 0))
            .Where(r => !db.Leases.Any(l => l.ItemId == r.ItemId))
            .Where(r => !db.LabelEvents.Any(e =>
                e.ItemId == r.ItemId && e.UserId == userId && e.Kind == LabelEventKind.Skip))
            .OrderBy(r => r.Rank);
}
