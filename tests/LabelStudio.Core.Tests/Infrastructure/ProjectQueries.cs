using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>Reads what the services wrote, straight from the database file.</summary>
internal static class ProjectQueries
{
    /// <summary>The project's class ids in class order (the order of their hotkeys).</summary>
    public static async Task<List<int>> ClassIdsAsync(this TestDatabase database, int projectId)
    {
        await using var db = await database.ContextAsync();
        return await db.LabelClasses.Where(c => c.ProjectId == projectId)
            .OrderBy(c => c.Ordinal)
            .Select(c => c.Id)
            .ToListAsync();
    }

    public static async Task<long> ItemIdAsync(this TestDatabase database, int projectId, string externalId)
    {
        await using var db = await database.ContextAsync();
        return await db.Items.Where(i => i.ProjectId == projectId && i.ExternalId == externalId)
            .Select(i => i.Id)
            .SingleAsync();
    }

    public static async Task<List<long>> UnlabeledItemsAsync(this TestDatabase database, int projectId)
    {
        await using var db = await database.ContextAsync();
        return await db.Items.Where(i => i.ProjectId == projectId && i.CurrentClassId == null)
            .Select(i => i.Id)
            .ToListAsync();
    }

    /// <summary>The project's queue, best first.</summary>
    public static async Task<List<ItemRank>> RanksAsync(this TestDatabase database, int projectId)
    {
        await using var db = await database.ContextAsync();
        return await db.ItemRanks.AsNoTracking()
            .Where(r => r.ProjectId == projectId)
            .OrderBy(r => r.Rank)
            .ToListAsync();
    }

    public static async Task<List<int>> ModelVersionsAsync(this TestDatabase database, int projectId)
    {
        await using var db = await database.ContextAsync();
        return await db.ModelVersions.Where(m => m.ProjectId == projectId)
            .OrderBy(m => m.Version)
            .Select(m => m.Version)
            .ToListAsync();
    }

    public static async Task<TrainingState> TrainingStateAsync(this TestDatabase database, int projectId)
    {
        await using var db = await database.ContextAsync();
        return await db.TrainingStates.AsNoTracking().SingleAsync(s => s.ProjectId == projectId);
    }
}
