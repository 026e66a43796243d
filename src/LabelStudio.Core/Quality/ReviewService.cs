using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Quality;

/// <summary>The review queue: items whose votes the project's rule does not settle, and the reviewer's pick.</summary>
public sealed partial class ReviewService(
    IDbContextFactory<AppDbContext> contexts,
    ItemReader items,
    WriteGate writeGate,
    TimeProvider clock,
    ILogger<ReviewService> logger)
{
    public async Task<int> CountAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Disputed(db, projectId).CountAsync(cancellationToken);
    }

    /// <summary>
    /// The first disputed item after <paramref name="afterItemId"/> (oldest first, wrapping around),
    /// with every decision on it; null when nothing waits for review.
    /// </summary>
    public async Task<ReviewCase?> NextAsync(int projectId, long? afterItemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var after = afterItemId ?? 0;
        var itemId = await Disputed(db, projectId).Where(i => i.Id > after).OrderBy(i => i.Id)
                .Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await Disputed(db, projectId).OrderBy(i => i.Id)
                .Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (itemId is null || await items.ReadAsync(projectId, itemId.Value, cancellationToken) is not { } item)
        {
            return null;
        }

        var votes = await VotesAsync(db, itemId.Value, cancellationToken);
        var remaining = await Disputed(db, projectId).CountAsync(cancellationToken);
        return new ReviewCase(item, votes, remaining);
    }

    /// <summary>Appends the review as a label event and makes its class the item's final label.</summary>
    public async Task DecideAsync(ReviewDecision decision, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.LabelClasses.AnyAsync(
                c => c.Id == decision.ClassId && c.ProjectId == decision.ProjectId, cancellationToken))
        {
            throw new LabelingException($"Class {decision.ClassId} is not a class of this project.");
        }
        var labels = await LabelingRounds.ReadAsync(db, decision.ProjectId, cancellationToken);
        var roundSize = await db.Projects.Where(p => p.Id == decision.ProjectId).Select(p => p.RoundSize)
            .FirstAsync(cancellationToken);

        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await db.Items.FirstOrDefaultAsync(
                i => i.Id == decision.ItemId && i.ProjectId == decision.ProjectId, cancellationToken)
            ?? throw new LabelingException($"Item {decision.ItemId} is not in this project.");
        var review = new LabelEvent
        {
            ProjectId = decision.ProjectId,
            ItemId = item.Id,
            UserId = decision.ReviewerId,
            Kind = LabelEventKind.Review,
            ClassId = decision.ClassId,
            Comment = string.IsNullOrWhiteSpace(decision.Comment) ? null : decision.Comment.Trim(),
            CreatedAt = clock.GetUtcNow(),
            Round = LabelingRounds.Of(labels.ByAnnotators, roundSize),
        };
        db.LabelEvents.Add(review);
        await db.SaveChangesAsync(cancellationToken);

        new FinalLabel(review.ClassId, review.Id, LabelSource.Review, item.VoteCount).CopyTo(item);
        var className = await db.LabelClasses.Where(c => c.Id == decision.ClassId).Select(c => c.Name)
            .FirstAsync(cancellationToken);
        ActivityLog.Add(
            db,
            decision.ProjectId,
            ActivityType.Review,
            decision.ReviewerId,
            $"Settled item {item.ExternalId} as {className} after {item.VoteCount} disagreeing votes",
            clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogReviewed(item.Id, decision.ProjectId, decision.ClassId, decision.ReviewerId);
    }

    private static IQueryable<Item> Disputed(AppDbContext db, int projectId) =>
        db.Items.Where(i => i.ProjectId == projectId && i.LabelSource == LabelSource.Disputed);

    private static async Task<IReadOnlyList<ReviewVote>> VotesAsync(
        AppDbContext db, long itemId, CancellationToken cancellationToken)
    {
        var events = await db.LabelEvents.AsNoTracking()
            .Where(e => e.ItemId == itemId && e.Kind != LabelEventKind.Review)
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.UserId,
                e.CreatedAt,
                e.Comment,
                e.Kind,
                ClassName = db.LabelClasses.Where(c => c.Id == e.ClassId).Select(c => c.Name).FirstOrDefault(),
                Email = db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Only each annotator's latest label is a vote; their earlier ones are shown, struck through.
        var counted = events.Where(e => e.Kind == LabelEventKind.Label)
            .GroupBy(e => e.UserId)
            .Select(g => g.Max(e => e.Id))
            .ToHashSet();
        return events
            .Select(e => new ReviewVote(
                e.Email ?? (e.UserId == ImportedLabels.UserId ? ImportedLabels.AnnotatorName : e.UserId),
                e.ClassName, e.CreatedAt, e.Comment, counted.Contains(e.Id)))
            .ToList();
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Item {ItemId} in project {ProjectId} reviewed: class {ClassId} by {ReviewerId}")]
    private partial void LogReviewed(long itemId, int projectId, int classId, string reviewerId);
}
