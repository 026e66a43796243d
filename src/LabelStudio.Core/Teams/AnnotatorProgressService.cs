using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Teams;

/// <summary>Counts an annotator's own work from the label events, for the project and labeling pages.</summary>
public sealed class AnnotatorProgressService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>"Today" is the server's calendar day, as the people in one team usually share it.</summary>
    public async Task<AnnotatorProgress> GetAsync(int projectId, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetLocalNow();
        var midnight = new DateTimeOffset(now.Date, now.Offset);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.LabelEvents.Where(e => e.ProjectId == projectId && e.UserId == userId);

        var labeled = await mine.Where(e => e.Kind == LabelEventKind.Label)
            .Select(e => e.ItemId).Distinct().CountAsync(cancellationToken);
        var today = await mine.Where(e => e.Kind == LabelEventKind.Label && e.CreatedAt >= midnight)
            .Select(e => e.ItemId).Distinct().CountAsync(cancellationToken);
        var skipped = await mine.Where(e => e.Kind == LabelEventKind.Skip)
            .Select(e => e.ItemId).Distinct().CountAsync(cancellationToken);
        return new AnnotatorProgress(labeled, today, skipped);
    }
}
