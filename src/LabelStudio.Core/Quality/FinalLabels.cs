using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Quality;

/// <summary>
/// Turns an item's label events into its final label: each annotator's latest label is a vote, the
/// project's rule settles the votes or sends the item to review, and a review overrules the votes.
/// </summary>
public static class FinalLabels
{
    /// <param name="decisions">The item's events; order does not matter, later ids are later decisions.</param>
    public static FinalLabel Resolve(IEnumerable<ItemDecision> decisions, FinalLabelRule rule)
    {
        var all = decisions.ToList();
        var votes = all.Where(d => d.Kind == LabelEventKind.Label && d.ClassId is not null)
            .GroupBy(d => d.UserId)
            .Select(g => g.MaxBy(d => d.EventId))
            .ToList();

        var review = all.Where(d => d.Kind == LabelEventKind.Review && d.ClassId is not null)
            .OrderByDescending(d => d.EventId)
            .Select(d => (ItemDecision?)d)
            .FirstOrDefault();
        if (review is { } reviewed)
        {
            return new FinalLabel(reviewed.ClassId, reviewed.EventId, LabelSource.Review, votes.Count);
        }
        if (votes.Count == 0)
        {
            return FinalLabel.Unlabeled;
        }
        if (votes.Count == 1)
        {
            return new FinalLabel(votes[0].ClassId, votes[0].EventId, LabelSource.Single, 1);
        }

        // Ranked by votes; the winner's event is its latest vote, so exports show the latest voter.
        var tally = votes.GroupBy(v => v.ClassId)
            .Select(g => (ClassId: g.Key, Count: g.Count(), EventId: g.Max(v => v.EventId)))
            .OrderByDescending(t => t.Count)
            .ToList();
        var settled = rule switch
        {
            FinalLabelRule.LeadDecides => tally.Count == 1,
            _ => tally.Count == 1 || tally[0].Count > tally[1].Count,
        };
        return settled
            ? new FinalLabel(tally[0].ClassId, tally[0].EventId, LabelSource.Majority, votes.Count)
            : new FinalLabel(null, null, LabelSource.Disputed, votes.Count);
    }

    /// <summary>Recomputes one tracked item's final label from its events, inside the caller's transaction.</summary>
    public static async Task ApplyAsync(
        AppDbContext db, Item item, FinalLabelRule rule, CancellationToken cancellationToken)
    {
        var decisions = await db.LabelEvents
            .Where(e => e.ItemId == item.Id)
            .Select(e => new ItemDecision(e.Id, e.ItemId, e.UserId, e.Kind, e.ClassId))
            .ToListAsync(cancellationToken);
        Resolve(decisions, rule).CopyTo(item);
    }

    /// <summary>
    /// Re-resolves every item with more than one vote after the project's rule changed; reviewed
    /// items keep their review. Runs inside the caller's transaction.
    /// </summary>
    public static async Task<int> ReapplyAsync(
        AppDbContext db, int projectId, FinalLabelRule rule, CancellationToken cancellationToken)
    {
        var items = await db.Items
            .Where(i => i.ProjectId == projectId && i.VoteCount > 1 && i.LabelSource != LabelSource.Review)
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var decisions = (await db.LabelEvents
                .Where(e => e.ProjectId == projectId && ids.Contains(e.ItemId))
                .Select(e => new ItemDecision(e.Id, e.ItemId, e.UserId, e.Kind, e.ClassId))
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ItemId);
        foreach (var item in items)
        {
            Resolve(decisions[item.Id], rule).CopyTo(item);
        }
        return items.Count;
    }
}
