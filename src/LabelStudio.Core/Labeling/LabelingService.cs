using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Labeling;

/// <summary>Records annotator decisions as append-only events and keeps each item's current label.</summary>
public sealed partial class LabelingService(
    IDbContextFactory<AppDbContext> contexts,
    TrainingScheduler scheduler,
    WriteGate writeGate,
    TimeProvider clock,
    ILogger<LabelingService> logger)
{
    /// <summary>
    /// The most time one decision can be credited with: a day. A tab left open over a weekend would
    /// otherwise turn the dashboard's pace and hours of labeling into nonsense.
    /// </summary>
    public const double MaxSecondsSpent = 86_400;

    /// <summary>
    /// Appends the event, updates the item and frees its lease in one transaction; when this returns,
    /// the label is on disk. A label completing a round asks for a retrain.
    /// </summary>
    public async Task<LabelEvent> SubmitAsync(LabelSubmission submission, CancellationToken cancellationToken)
    {
        var (labelEvent, labelEventsNow, roundSize) = await RecordAsync(submission, cancellationToken);
        LogRecorded(labelEvent.Kind, labelEvent.ItemId, labelEvent.ProjectId, submission.UserId);

        if (labelEvent.Kind == LabelEventKind.Label)
        {
            await scheduler.OnLabelRecordedAsync(labelEvent.ProjectId, labelEventsNow, roundSize, cancellationToken);
        }
        return labelEvent;
    }

    /// <summary>
    /// Records the decision; also returns the project's label event count after it (imported labels
    /// included, as retraining counts them), and the round size.
    /// </summary>
    private async Task<(LabelEvent Event, int LabelEvents, int RoundSize)> RecordAsync(
        LabelSubmission submission, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One open for the whole save: EF Core would open and close the connection around each of
        // the reads below, and every open runs the connection's pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);

        // 1. Checks and context that need no write lock: other annotators are not kept waiting for them.
        var project = await db.Projects.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == submission.ProjectId, cancellationToken)
            ?? throw new LabelingException($"Project {submission.ProjectId} does not exist.");
        if (!await db.Items.AnyAsync(i => i.Id == submission.ItemId && i.ProjectId == project.Id, cancellationToken))
        {
            throw new LabelingException($"Item {submission.ItemId} is not in project '{project.Name}'.");
        }
        if (submission.ClassId is { } classId &&
            !await db.LabelClasses.AnyAsync(c => c.Id == classId && c.ProjectId == project.Id, cancellationToken))
        {
            throw new LabelingException($"Class {classId} is not a class of project '{project.Name}'.");
        }
        var served = await ServedContextAsync(db, submission, cancellationToken);

        // 2. The write: who holds the item is checked inside the transaction that records the decision,
        // and the label counts are read there, so a colleague's label saved meanwhile is counted.
        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await db.Items.FirstAsync(i => i.Id == submission.ItemId, cancellationToken);
        var labels = await LabelingRounds.ReadAsync(db, project.Id, cancellationToken);
        var firstLabelByUser = submission.ClassId is not null && !await db.LabelEvents.AnyAsync(
            e => e.ItemId == item.Id && e.UserId == submission.UserId && e.Kind == LabelEventKind.Label,
            cancellationToken);
        await EnsureMayDecideAsync(db, submission, item, project.Overlap, firstLabelByUser, cancellationToken);
        var labelEvent = new LabelEvent
        {
            ProjectId = project.Id,
            ItemId = item.Id,
            UserId = submission.UserId,
            Kind = submission.ClassId is null ? LabelEventKind.Skip : LabelEventKind.Label,
            ClassId = submission.ClassId,
            Comment = string.IsNullOrWhiteSpace(submission.Comment) ? null : submission.Comment.Trim(),
            CreatedAt = clock.GetUtcNow(),
            SecondsSpent = Math.Clamp(submission.SecondsSpent, 0, MaxSecondsSpent),
            Round = LabelingRounds.Of(labels.ByAnnotators, project.RoundSize),
            ModelVersion = served.ModelVersion,
            Strategy = project.Strategy,
            ScoreWhenServed = served.Score,
            SuggestionShown = submission.SuggestionShown,
        };
        db.LabelEvents.Add(labelEvent);
        await db.SaveChangesAsync(cancellationToken);

        if (labelEvent.Kind == LabelEventKind.Label)
        {
            item.LabelCount += firstLabelByUser ? 1 : 0;
            await SetFinalLabelAsync(db, item, labelEvent, project.FinalLabelRule, cancellationToken);
            await LabelingRounds.AddAsync(db, project.Id, labels: 1, imported: 0, cancellationToken);
        }
        await db.Leases
            .Where(l => l.ItemId == item.Id && l.UserId == submission.UserId)
            .ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var counted = labelEvent.Kind == LabelEventKind.Label ? labels.All + 1 : labels.All;
        return (labelEvent, counted, project.RoundSize);
    }

    /// <summary>
    /// The first vote on an item is its final label, with no extra read: the single-annotator path
    /// stays as cheap as before. A further vote or a relabel re-resolves the item from its events.
    /// </summary>
    private static Task SetFinalLabelAsync(
        AppDbContext db, Item item, LabelEvent labelEvent, FinalLabelRule rule, CancellationToken cancellationToken)
    {
        if (item.VoteCount > 0)
        {
            return FinalLabels.ApplyAsync(db, item, rule, cancellationToken);
        }

        new FinalLabel(labelEvent.ClassId, labelEvent.Id, LabelSource.Single, 1).CopyTo(item);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A decision on an item served from the queue stands while the annotator holds it. Once the lease
    /// expired it stands only if the queue could still hand the item to them: otherwise a late decision
    /// would overwrite a colleague's label or exceed the overlap. Without a lease, changing one's own
    /// earlier label (from history) stands; a first label must find the item free, like an expired lease.
    /// </summary>
    private static async Task EnsureMayDecideAsync(
        AppDbContext db,
        LabelSubmission submission,
        Item item,
        int overlap,
        bool firstLabelByUser,
        CancellationToken cancellationToken)
    {
        // A lease vouches only for the item it was granted on, to the annotator it was granted to; one
        // for another item or annotator is a client's mistake, named as such. A lease no longer found
        // (expired and cleaned up) leaves the decision to the checks below, as does no lease at all.
        if (submission.LeaseId is { } leaseId && await db.Leases.AsNoTracking()
                .Where(l => l.Id == leaseId)
                .Select(l => new { l.UserId, l.ItemId })
                .FirstOrDefaultAsync(cancellationToken) is { } given)
        {
            if (given.UserId != submission.UserId)
            {
                throw LabelingException.LeaseOfAnotherAnnotator(leaseId);
            }
            if (given.ItemId != item.Id)
            {
                throw LabelingException.LeaseOfAnotherItem(leaseId, given.ItemId, item.Id);
            }
            return;
        }
        var fromHistory = submission.LeaseId is null && !firstLabelByUser;
        if (fromHistory)
        {
            // Changing one's own earlier decision (or skipping) adds no labeler to the item.
            return;
        }

        var heldByOthers = await db.Leases.CountAsync(
            l => l.ItemId == item.Id && l.UserId != submission.UserId, cancellationToken);
        if (heldByOthers > 0 && item.LabelCount + heldByOthers >= overlap)
        {
            // Only a caller who once held the item (their lease is gone) lost it; others never had it.
            throw submission.LeaseId is null ? LabelingException.HeldByColleague() : LabelingException.LeaseLost();
        }
        // Labeled already: by an import (no annotator counted), up to the overlap, or by this very
        // annotator in another tab.
        var done = item.CurrentClassId is not null &&
            (item.LabelCount == 0 || item.LabelCount >= overlap || !firstLabelByUser);
        if (done)
        {
            throw LabelingException.AlreadyLabeled();
        }
    }

    private static async Task<(int ModelVersion, double? Score)> ServedContextAsync(
        AppDbContext db, LabelSubmission submission, CancellationToken cancellationToken)
    {
        var lease = await db.Leases.AsNoTracking()
            .FirstOrDefaultAsync(
                l => l.ItemId == submission.ItemId && l.UserId == submission.UserId, cancellationToken);
        if (lease is not null)
        {
            return (lease.ModelVersion, lease.Score);
        }

        // A relabel from history or an expired lease: record what the queue says of the item now.
        var rank = await db.ItemRanks.AsNoTracking()
            .Where(r => r.ItemId == submission.ItemId)
            .OrderByDescending(r => r.ModelVersion)
            .FirstOrDefaultAsync(cancellationToken);
        var latestModel = await db.ModelVersions
            .Where(m => m.ProjectId == submission.ProjectId)
            .MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0;
        return (rank?.ModelVersion ?? latestModel, rank?.Score);
    }

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "{Kind} recorded for item {ItemId} in project {ProjectId} by {UserId}")]
    private partial void LogRecorded(LabelEventKind kind, long itemId, int projectId, string userId);
}
