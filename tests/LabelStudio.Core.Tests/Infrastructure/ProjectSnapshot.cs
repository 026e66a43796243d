using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>
/// Everything an import may write for a project, rendered as one string, so a test can show that
/// a rejected import left the project exactly as it was.
/// </summary>
internal static class ProjectSnapshot
{
    public static async Task<string> TakeAsync(TestDatabase database, int projectId)
    {
        await using var db = await database.ContextAsync();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        var contents = new
        {
            project.ColumnsJson,
            project.FeaturizerJson,
            Classes = await db.LabelClasses.Where(c => c.ProjectId == projectId).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Name, c.Hotkey, c.Ordinal }).ToListAsync(),
            Items = await db.Items.Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.ExternalId, i.Ordinal, i.DataJson, i.GroundTruth, i.CurrentClassId })
                .ToListAsync(),
            Features = await db.ItemFeatures.Where(f => f.ProjectId == projectId).OrderBy(f => f.ItemId)
                .Select(f => new { f.ItemId, f.Vector }).ToListAsync(),
            Ranks = await db.ItemRanks.Where(r => r.ProjectId == projectId).OrderBy(r => r.Rank)
                .Select(r => new { r.ItemId, r.Rank, r.Score, r.ModelVersion }).ToListAsync(),
            Events = await db.LabelEvents.Where(e => e.ProjectId == projectId).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.ItemId, e.ClassId }).ToListAsync(),
        };
        return JsonSerializer.Serialize(contents);
    }
}
