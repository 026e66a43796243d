using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>Writes a project's queue inside the caller's transaction.</summary>
internal static class ItemRankWriter
{
    private static readonly string[] Columns = ["ItemId", "ProjectId", "Rank", "Score", "ModelVersion"];

    public static async Task ReplaceAsync(
        AppDbContext db, int projectId, IReadOnlyList<ItemRank> ranking, CancellationToken cancellationToken)
    {
        await db.ItemRanks.Where(r => r.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
        await AppendAsync(db, ranking, cancellationToken);
    }

    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<ItemRank> ranking, CancellationToken cancellationToken)
    {
        await using var insert = await PreparedInsert.CreateAsync(db, "ItemRanks", Columns, cancellationToken);
        foreach (var row in ranking)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Execute(row.ItemId, row.ProjectId, row.Rank, row.Score, row.ModelVersion);
        }
    }
}
