using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Labeling;

/// <summary>The items an annotator decided on in a project, most recent first, for going back.</summary>
public sealed class LabelHistory(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<List<long>> RecentItemsAsync(
        int projectId, string userId, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LabelEvents
            .Where(e => e.ProjectId == projectId && e.UserId == userId)
            .GroupBy(e => e.ItemId)
            .Select(g => new { ItemId = g.Key, Latest = g.Max(e => e.Id) })
            .OrderByDescending(x => x.Latest)
            .Take(count)
            .Select(x => x.ItemId)
            .ToListAsync(cancellationToken);
    }
}
