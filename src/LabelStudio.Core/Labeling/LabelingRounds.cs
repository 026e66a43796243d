using LabelStudio.Core.Data;
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
    /// Both counts from the project's row, kept by whoever writes label events (<see cref="AddAsync"/>):
    /// counting the events instead took 13–15 ms per count at 500,000 of them, on every key press.
    /// </summary>
    public static async Task<LabelCounts> ReadAsync(
        AppDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var counts = await db.Projects
            .Where(p => p.Id == projectId)
            .Select(p => new LabelCounts(p.LabelsGiven, p.LabelsGiven - p.LabelsImported))
            .FirstOrDefaultAsync(cancellationToken);
        return counts ?? new LabelCounts(0, 0);
    }

    /// <summary>
    /// Adds label events to the project's counts; call it in the transaction that writes them. The
    /// database adds (no read first), so two annotators saving at once both count.
    /// </summary>
    /// <param name="imported">Of <paramref name="labels"/>, those that came with an import.</param>
    public static Task AddAsync(
        AppDbContext db, int projectId, int labels, int imported, CancellationToken cancellationToken) =>
        db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.LabelsGiven, x => x.LabelsGiven + labels)
            .SetProperty(x => x.LabelsImported, x => x.LabelsImported + imported), cancellationToken);
}
