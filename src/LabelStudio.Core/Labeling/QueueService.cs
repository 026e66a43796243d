using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Storage;
using LabelStudio.Core.Training;
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
    /// The item this annotator should label now: the one they already hold, or the best-ranked item this
    /// annotator has never labeled or skipped whose labels plus leases are still below its target (the
    /// project's overlap, or 1). Null when none is left.
    /// </summary>
    public async Task<Lease?> NextAsync(int projectId, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One open for the whole request, not one per read (each open runs the connection's pragmas).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new OverlapSettings(p.QueueVersion, p.Overlap, p.OverlapScope, p.OverlapPercent))
            .FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }

        var queue = new FreeQueue(projectId, userId, project.Overlap,
            await OverlapRanksAsync(db, projectId, project, cancellationToken));
        var shortlist = await QueueShortlist.ReadAsync(db, queue, cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);

        // An immediate transaction: SQLite takes the write lock up front, so the count below and the
        // insert that follows cannot interleave with another annotator's request.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = await db.Leases
            .Where(l => l.ProjectId == projectId && l.UserId == userId && l.ExpiresAt > now)
            .Join(db.Items, l => l.ItemId, i => i.Id, (l, i) => new { Lease = l, i.CurrentClassId, i.LabelCount })
            .FirstOrDefaultAsync(cancellationToken);
        // Still wanted: unlabeled, or labeled by colleagues and short of the overlap (the count was
        // checked when the lease was taken).
        if (held is not null &&
            (held.CurrentClassId is null || held.LabelCount > 0 && held.LabelCount < project.Overlap))
        {
            held.Lease.ExpiresAt = now + options.Value.LeaseDuration;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return held.Lease;
        }

        // Leases given back here free items the shortlist could not know of: then ask the full query.
        var freed = await db.Leases
            .Where(l => l.ProjectId == projectId && (l.ExpiresAt <= now || l.UserId == userId))
            .ExecuteDeleteAsync(cancellationToken);

        var candidate = freed == 0
            ? await QueueShortlist.FirstStillFreeAsync(db, queue, shortlist, cancellationToken)
            : null;
        candidate ??= await FreeItems(db, queue).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (candidate is null && await ColdStartQueue.ExtendAsync(db, projectId, cancellationToken))
        {
            candidate = await FreeItems(db, queue).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        }
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
    /// Ranked items this annotator has never decided on, still short of their target, best first. The
    /// target is the overlap for the first <see cref="FreeQueue.OverlapRanks"/> ranks and 1 after. An
    /// item whose label was imported (labeled, but by no annotator) is done.
    /// </summary>
    internal static IQueryable<ItemRank> FreeItems(AppDbContext db, FreeQueue queue) =>
        db.ItemRanks
            .Where(r => r.ProjectId == queue.ProjectId)
            .Where(r => r.ModelVersion == db.Projects.Where(p => p.Id == queue.ProjectId)
                .Select(p => p.QueueVersion).First())
            .Where(r => db.Items.Any(i => i.Id == r.ItemId
                && (i.CurrentClassId == null || i.LabelCount > 0)
                && i.LabelCount + db.Leases.Count(l => l.ItemId == r.ItemId)
                    < (r.Rank < queue.OverlapRanks ? queue.Overlap : 1)))
            .Where(r => !db.LabelEvents.Any(e => e.ItemId == r.ItemId && e.UserId == queue.UserId))
            .OrderBy(r => r.Rank);

    /// <summary>How many of the served generation's best ranks get the overlap; the rest need one label.</summary>
    private static async Task<int> OverlapRanksAsync(
        AppDbContext db, int projectId, OverlapSettings project, CancellationToken cancellationToken)
    {
        if (project.Overlap <= 1 || project.Scope == OverlapScope.AllItems)
        {
            return int.MaxValue;
        }

        var generationSize = await db.ItemRanks
            .Where(r => r.ProjectId == projectId && r.ModelVersion == project.QueueVersion)
            .MaxAsync(r => (int?)r.Rank, cancellationToken) + 1 ?? 0;
        return OverlapTargets.OverlapRanks(generationSize, project.Percent);
    }

    private sealed record OverlapSettings(int QueueVersion, int Overlap, OverlapScope Scope, int Percent);

    /// <summary>Whose queue, and how many labels each rank wants.</summary>
    internal sealed record FreeQueue(int ProjectId, string UserId, int Overlap, int OverlapRanks);
}
