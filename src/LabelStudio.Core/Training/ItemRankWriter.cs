using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>Writes queue generations (<see cref="ItemRank"/> rows).</summary>
internal static class ItemRankWriter
{
    // Small enough that an annotator's label waits at most a few milliseconds behind one chunk.
    private const int ChunkSize = 250;

    private static readonly string[] Columns = ["ItemId", "ProjectId", "Rank", "Score", "ModelVersion"];

    /// <summary>
    /// Writes a whole generation beside the one being served, in short transactions, so annotators
    /// keep labeling while it is written. Rows left by a run that died are cleared first.
    /// </summary>
    public static async Task WriteGenerationAsync(
        IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, int projectId, int generation,
        IReadOnlyList<ItemRank> ranking, CancellationToken cancellationToken)
    {
        await DeleteGenerationAsync(contexts, writeGate, projectId, generation, cancellationToken);
        foreach (var chunk in ranking.Chunk(ChunkSize))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AppendAsync(db, chunk, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Removes every generation but the served one, a chunk at a time.</summary>
    public static async Task DeleteOtherGenerationsAsync(
        IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, int projectId, int served,
        CancellationToken cancellationToken)
    {
        List<int> stale;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stale = await db.ItemRanks.Where(r => r.ProjectId == projectId && r.ModelVersion != served)
                .Select(r => r.ModelVersion).Distinct().ToListAsync(cancellationToken);
        }
        foreach (var generation in stale)
        {
            await DeleteGenerationAsync(contexts, writeGate, projectId, generation, cancellationToken);
        }
    }

    /// <summary>Inserts rows inside the caller's transaction.</summary>
    public static async Task AppendAsync(
        AppDbContext db, IReadOnlyList<ItemRank> ranking, CancellationToken cancellationToken)
    {
        await using var insert = await PreparedInsert.CreateAsync(db, "ItemRanks", Columns, cancellationToken);
        foreach (var row in ranking)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Execute(row.ItemId, row.ProjectId, row.Rank, row.Score, row.ModelVersion);
        }
    }

    /// <summary>
    /// Deletes one generation by rank ranges: each chunk is a range of the (project, generation,
    /// rank) index, so it costs the same on a huge project as on a small one, and each waits its
    /// turn at the write gate like any other writer.
    /// </summary>
    private static async Task DeleteGenerationAsync(
        IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, int projectId, int generation,
        CancellationToken cancellationToken)
    {
        int? lastRank;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            lastRank = await db.ItemRanks.Where(r => r.ProjectId == projectId && r.ModelVersion == generation)
                .MaxAsync(r => (int?)r.Rank, cancellationToken);
        }

        for (var from = 0; lastRank is not null && from <= lastRank; from += ChunkSize)
        {
            var to = from + ChunkSize;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
            await db.ItemRanks
                .Where(r => r.ProjectId == projectId && r.ModelVersion == generation && r.Rank >= from && r.Rank < to)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }
}
