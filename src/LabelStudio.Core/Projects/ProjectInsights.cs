using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Projects;

public sealed record ClassCount(string Name, string Color, int Count);

public sealed record QueueEntry(int Rank, string ExternalId, double Score, int ModelVersion);

/// <summary>What the project page shows a lead beyond the status line: models, queue head and class balance.</summary>
public sealed class ProjectInsights(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<ModelVersion>> ModelVersionsAsync(
        int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Without the stopping sample and confusion matrix: the project page polls this every few seconds.
        return await db.ModelVersions.AsNoTracking()
            .Where(m => m.ProjectId == projectId)
            .OrderByDescending(m => m.Version)
            .Select(m => new ModelVersion
            {
                Id = m.Id,
                ProjectId = m.ProjectId,
                Version = m.Version,
                CreatedAt = m.CreatedAt,
                LabelCount = m.LabelCount,
                EstimatedAccuracy = m.EstimatedAccuracy,
                AccuracyMethod = m.AccuracyMethod,
                TruthAccuracy = m.TruthAccuracy,
                TruthItemCount = m.TruthItemCount,
                TrainSeconds = m.TrainSeconds,
                ScoreSeconds = m.ScoreSeconds,
                ModelFile = m.ModelFile,
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>The next unlabeled items in queue order, as any annotator would be served them.</summary>
    public async Task<IReadOnlyList<QueueEntry>> QueueHeadAsync(
        int projectId, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ItemRanks.AsNoTracking()
            .Where(r => r.ProjectId == projectId)
            .Where(r => r.ModelVersion == db.Projects.Where(p => p.Id == projectId).Select(p => p.QueueVersion).First())
            .Join(db.Items, r => r.ItemId, i => i.Id, (r, i) => new { r, i })
            .Where(x => x.i.CurrentClassId == null)
            .OrderBy(x => x.r.Rank)
            .Take(count)
            .Select(x => new QueueEntry(x.r.Rank, x.i.ExternalId, x.r.Score, x.r.ModelVersion))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClassCount>> ClassCountsAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LabelClasses.AsNoTracking()
            .Where(c => c.ProjectId == projectId)
            .OrderBy(c => c.Ordinal)
            .Select(c => new ClassCount(c.Name, c.Color, db.Items.Count(i => i.CurrentClassId == c.Id)))
            .ToListAsync(cancellationToken);
    }
}
