using System.Data.Common;
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
    /// keep labeling while it is written. Rows left by a run that died are cleared first. One
    /// connection and one prepared statement serve every chunk.
    /// </summary>
    public static async Task WriteGenerationAsync(
        IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, QueueGeneration generation,
        CancellationToken cancellationToken)
    {
        await DeleteGenerationAsync(contexts, writeGate, generation.ProjectId, generation.Version, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var insert = await PreparedInsert.CreateAsync(db, "ItemRanks", Columns, cancellationToken);
        for (var start = 0; start < generation.Count; start += ChunkSize)
        {
            using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            for (var rank = start; rank < Math.Min(start + ChunkSize, generation.Count); rank++)
            {
                insert.Set(0, generation.ItemIds[rank]);
                insert.Set(1, generation.ProjectId);
                insert.Set(2, rank);
                insert.Set(3, generation.Scores[rank]);
                insert.Set(4, generation.Version);
                insert.Step();
            }
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
            insert.Set(0, row.ItemId);
            insert.Set(1, row.ProjectId);
            insert.Set(2, row.Rank);
            insert.Set(3, row.Score);
            insert.Set(4, row.ModelVersion);
            insert.Step();
        }
    }

    /// <summary>
    /// Deletes one generation by rank ranges: each chunk is a range of the (project, generation,
    /// rank) index, so it costs the same on a huge project as on a small one, and each waits its
    /// turn at the write gate like any other writer. One connection and one command serve every
    /// chunk: a context and a LINQ delete per chunk made more garbage than the rows they removed.
    /// </summary>
    private static async Task DeleteGenerationAsync(
        IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, int projectId, int generation,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lastRank = await db.ItemRanks.Where(r => r.ProjectId == projectId && r.ModelVersion == generation)
            .MaxAsync(r => (int?)r.Rank, cancellationToken);
        if (lastRank is null)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var delete = db.Database.GetDbConnection().CreateCommand();
        delete.CommandText = """
            DELETE FROM "ItemRanks"
            WHERE "ProjectId" = $project AND "ModelVersion" = $generation AND "Rank" >= $from AND "Rank" < $to
            """;
        var from = AddParameter(delete, "$from", 0);
        var to = AddParameter(delete, "$to", 0);
        AddParameter(delete, "$project", projectId);
        AddParameter(delete, "$generation", generation);
        for (var start = 0; start <= lastRank; start += ChunkSize)
        {
            from.Value = start;
            to.Value = start + ChunkSize;
            using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
