using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Labeling;

/// <summary>A project's label events counted two ways: all labels, and the annotators' own.</summary>
/// <param name="All">Every label event, imported ones included: what retraining compares with its last run.</param>
/// <param name="ByAnnotators">Labels annotators gave, not those that came with an import: what makes rounds.</param>
public sealed record LabelCounts(int All, int ByAnnotators);

/// <summary>
/// The annotators' labeling rounds: a round is the project's round size of labels given by annotators.
/// Labels that came with an import belong to no round (their events carry round 0), so importing
/// 60,000 labeled rows leaves a project in round 1; skips and reviews count towards no round either.
/// </summary>
public static class LabelingRounds
{
    /// <summary>Rounds count from 1: annotator labels 0 to size-1 are round 1.</summary>
    public static int Of(int annotatorLabelsBefore, int roundSize) =>
        annotatorLabelsBefore / Math.Max(1, roundSize) + 1;

    /// <summary>
    /// Both counts in one round trip. The imported labels are counted by their empty annotator on the
    /// (project, annotator) index, which costs nothing in a project without them; a single pass that
    /// tests every event's annotator took three times as long as the plain count at 60,000 events.
    /// </summary>
    public static async Task<LabelCounts> CountAsync(
        AppDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var counts = await db.Projects
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                All = db.LabelEvents.Count(e => e.ProjectId == projectId && e.Kind == LabelEventKind.Label),
                Imported = db.LabelEvents.Count(e =>
                    e.ProjectId == projectId && e.UserId == ImportedLabels.UserId && e.Kind == LabelEventKind.Label),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new LabelCounts(0, 0) : new LabelCounts(counts.All, counts.All - counts.Imported);
    }
}
