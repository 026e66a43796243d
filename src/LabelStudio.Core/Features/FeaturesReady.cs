using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Features;

/// <summary>
/// What follows once every media item of a project has its vector: before the first model, the
/// import's shuffle gives way to the cold-start spread over the vectors; then a training run is
/// requested, which ranks by the model once two classes have labels.
/// </summary>
public sealed class FeaturesReady(
    IDbContextFactory<AppDbContext> contexts,
    FeatureStore featureStore,
    TrainingScheduler scheduler,
    WriteGate writeGate,
    IOptions<TrainingOptions> trainingOptions)
{
    /// <summary>Projects of this kind with at least one media item still lacking a vector.</summary>
    public async Task<IReadOnlyList<int>> DueProjectsAsync(DataKind kind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects
            .Where(p => p.DataKind == kind)
            .Where(p => db.ItemMedia.Any(m => m.ProjectId == p.Id && !db.ItemFeatures.Any(f => f.ItemId == m.ItemId)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task AfterLastVectorAsync(int projectId, CancellationToken cancellationToken)
    {
        featureStore.Invalidate(projectId);
        var vectors = await featureStore.GetAsync(projectId, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.ModelVersions.AnyAsync(m => m.ProjectId == projectId, cancellationToken))
            {
                var pool = await db.Items
                    .Where(i => i.ProjectId == projectId && i.CurrentClassId == null)
                    .OrderBy(i => i.Id)
                    .Select(i => i.Id)
                    .ToListAsync(cancellationToken);
                var queue = ColdStartQueue.Build(projectId, pool, pool.Select(id => vectors[id]).ToList(),
                    trainingOptions.Value.ColdStartSpread, seed: projectId);
                using var turn = await writeGate.EnterAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.ItemRanks.Where(r => r.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
                await ItemRankWriter.AppendAsync(db, queue, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            if (!await TrainingScheduler.HasTwoClassesAsync(db, projectId, cancellationToken))
            {
                return;
            }
        }
        await scheduler.RequestAsync(projectId, cancellationToken);
    }
}
