using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>Writes queue generations (<see cref="ItemRank"/> rows).</summary>
internal static class ItemRankWriter
{
    // Small enough that an annotator's label waits at most a few milliseconds behind one chunk.
    private const int ChunkSize = 2_000;

    private static readonly string[] Columns = ["ItemId", "ProjectId", "Rank", "Score", "ModelVersion"];

    /// <summary>
    /// Writes a whole generation beside the one being served, in short transactions, so annotators
    /// keep labeling while it is written. Rows left by a run that died are cleared first.
    /// </summary>
    public static async Task WriteGenerationAsync(
        IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, int projectId, int generation,
        IReadOnlyList<ItemRank> ranking, CancellationToken cancellationToken)
    {
        await DeleteInChunksAsync(contexts, projectId, r => r.ModelVersion == generation, cancellationToken);
        foreach (var chunk in ranking.Chunk(ChunkSize))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using var turn = await writeGate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AppendAsync(db, chunk, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Removes every generation but the served one, a chunk at a time.</summary>
    public static Task DeleteOtherGenerationsAsync(
        IDbContextFactory<AppDbContext> contexts, int projectId, int served, CancellationToken cancellationToken) =>
        DeleteInChunksAsync(contexts, projectId, r => r.ModelVersion != served, cancellationToken);

    /// <summary>Inserts rows inside the caller's transaction.</summary>
    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<ItemRank> ranking, CancellationToken cancellationToken)
    {
        await using var insert = await PreparedInsert.CreateAsync(db, "ItemRanks", Columns, cancellationToken);
        foreach (var row in ranking)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Execute(row.ItemId, row.ProjectId, row.Rank, row.Score, row.ModelVersion);
        }
    }

    private static async Task DeleteInChunksAsync(
        IDbContextFactory<AppDbContext> contexts, int projectId,
        System.Linq.Expressions.Expression<Func<ItemRank, bool>> which, CancellationToken cancellationToken)
    {
        int deleted;
        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var chunk = db.ItemRanks.Where(r => r.ProjectId == projectId).Where(which)
                .OrderBy(r => r.ItemId).Take(ChunkSize).Select(r => r.ItemId);
            deleted = await db.ItemRanks.Where(r => r.ProjectId == projectId).Where(which)
                .Where(r => chunk.Contains(r.ItemId))
                .ExecuteDeleteAsync(cancellationToken);
        }
        while (deleted > 0);
    }
}
