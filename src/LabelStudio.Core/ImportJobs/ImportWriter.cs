using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Import;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Items;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Training;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// Writes a prepared import in one transaction: new classes, items, features, imported labels,
/// the queue and the job's success. Either all of it lands or none of it does.
/// </summary>
public sealed class ImportWriter(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<TrainingOptions> trainingOptions,
    WriteGate writeGate,
    TimeProvider clock)
{
    internal async Task WriteAsync(
        ImportJob job, ImportBatch batch, IReadOnlyList<string> newClasses, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var cache = await ImportPageCache.EnlargeAsync(db, cancellationToken);

        var project = await db.Projects.Include(p => p.Classes)
            .FirstAsync(p => p.Id == job.ProjectId, cancellationToken);
        AddClasses(project, newClasses);
        project.ColumnsJson = ProjectColumns.Serialize(batch.Columns);
        project.FeaturizerJson = batch.FeaturizerJson;
        var firstOrdinal = project.ItemCount;
        project.ItemCount += batch.Rows.Count;
        await db.SaveChangesAsync(cancellationToken);

        var itemIds = await InsertItemsAsync(db, project, batch, firstOrdinal, cancellationToken);
        var importedLabels = batch.Rows.Count(r => r.Label is not null);
        await LabelingRounds.AddAsync(db, project.Id, importedLabels, importedLabels, cancellationToken);
        await RewriteExistingFeaturesAsync(db, batch, cancellationToken);
        var openNewItems = itemIds.Where((_, i) => batch.Rows[i].Label is null).ToList();
        await RequeueAsync(db, project, VectorsById(batch, itemIds), openNewItems, cancellationToken);

        var now = clock.GetUtcNow();
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, JobStatus.Succeeded)
            .SetProperty(x => x.Progress, 1)
            .SetProperty(x => x.ImportedCount, itemIds.Count)
            .SetProperty(x => x.Message, $"Imported {Counted.Of(itemIds.Count, "item")}")
            .SetProperty(x => x.CompletedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every vector of the project after this import, old items and new, by item id.</summary>
    private static Dictionary<long, float[]> VectorsById(ImportBatch batch, IReadOnlyList<long> newItemIds)
    {
        var vectors = new Dictionary<long, float[]>(batch.ExistingVectors);
        for (var i = 0; i < newItemIds.Count; i++)
        {
            vectors[newItemIds[i]] = batch.Vectors[i];
        }
        return vectors;
    }

    internal static void AddClasses(Project project, IReadOnlyList<string> names)
    {
        var freeKeys = ClassDefaults.FreeHotkeys(project.Classes.Select(c => c.Hotkey));
        foreach (var name in names)
        {
            var ordinal = project.Classes.Count;
            project.Classes.Add(new LabelClass
            {
                Name = name,
                Ordinal = ordinal,
                Color = ClassDefaults.Color(ordinal),
                Hotkey = freeKeys.TryDequeue(out var key) ? key : "",
            });
        }
    }

    private async Task<List<long>> InsertItemsAsync(
        AppDbContext db, Project project, ImportBatch batch, int firstOrdinal, CancellationToken cancellationToken)
    {
        // Ids are handed out here, under the transaction's write lock, so features and labels can
        // refer to them without a round trip per row.
        var nextItemId = (await db.Items.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0) + 1;
        var nextEventId = (await db.LabelEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0) + 1;
        var classIds = project.Classes.ToDictionary(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();

        await using var items = await PreparedInsert.CreateAsync(db, "Items",
            [
                "Id", "ProjectId", "ExternalId", "Ordinal", "DataJson", "GroundTruth", "CurrentClassId",
                "CurrentLabelEventId", "LabelSource", "VoteCount",
            ],
            cancellationToken);
        await using var features = await PreparedInsert.CreateAsync(
            db, "ItemFeatures", ["ItemId", "ProjectId", "Vector"],
            cancellationToken);
        await using var events = await PreparedInsert.CreateAsync(db, "LabelEvents",
            ["Id", "ProjectId", "ItemId", "UserId", "Kind", "ClassId", "CreatedAt", "SecondsSpent", "Round",
             "ModelVersion",
             "Strategy", "SuggestionShown"],
            cancellationToken);

        var ids = new List<long>(batch.Rows.Count);
        for (var i = 0; i < batch.Rows.Count; i++)
        {
            var row = batch.Rows[i];
            var itemId = nextItemId + i;
            long? eventId = row.Label is null ? null : nextEventId++;
            int? classId = row.Label is null ? null : classIds[row.Label];
            cancellationToken.ThrowIfCancellationRequested();
            var source = eventId is null ? LabelSource.None : LabelSource.Single;
            items.Execute(
                itemId, project.Id, row.ExternalId, firstOrdinal + i, row.DataJson, row.GroundTruth, classId, eventId,
                source.ToString(), eventId is null ? 0 : 1);
            features.Execute(itemId, project.Id, FeatureVectorCodec.Encode(batch.Vectors[i]));
            if (eventId is not null)
            {
                events.Execute(eventId, project.Id, itemId, ImportedLabels.UserId, nameof(LabelEventKind.Label),
                    classId, now.UtcTicks, 0.0, 0, 0, project.Strategy.ToString(), false);
            }
            ids.Add(itemId);
        }
        return ids;
    }

    private static async Task RewriteExistingFeaturesAsync(
        AppDbContext db, ImportBatch batch, CancellationToken cancellationToken)
    {
        foreach (var (itemId, vector) in batch.ExistingVectors)
        {
            var bytes = FeatureVectorCodec.Encode(vector);
            await db.ItemFeatures.Where(f => f.ItemId == itemId)
                .ExecuteUpdateAsync(f => f.SetProperty(x => x.Vector, bytes), cancellationToken);
        }
    }

    /// <summary>
    /// Before the first model, rebuilds the cold-start spread over all unlabeled items; after it,
    /// puts the new unlabeled items behind the ranked ones until the next retrain ranks them properly.
    /// Only the new ones: a model's queue holds just its best slice, and the rest of the old items are
    /// ranked when a lease finds the slice used up.
    /// </summary>
    private async Task RequeueAsync(
        AppDbContext db,
        Project project,
        IReadOnlyDictionary<long, float[]> vectors,
        IReadOnlyList<long> openNewItems,
        CancellationToken cancellationToken)
    {
        var hasModel = await db.ModelVersions.AnyAsync(m => m.ProjectId == project.Id, cancellationToken);
        if (!hasModel)
        {
            var pool = await db.Items
                .Where(i => i.ProjectId == project.Id)
                .Where(OverlapTargets.StillOpen(project.Overlap))
                .OrderBy(i => i.Id)
                .Select(i => i.Id)
                .ToListAsync(cancellationToken);
            var queue = ColdStartQueue.Build(project.Id, pool, pool.Select(id => vectors[id]).ToList(),
                trainingOptions.Value.ColdStartSpread, seed: project.Id);
            await db.ItemRanks.Where(r => r.ProjectId == project.Id).ExecuteDeleteAsync(cancellationToken);
            await ItemRankWriter.AppendAsync(db, queue, cancellationToken);
            return;
        }

        var served = project.QueueVersion;
        var nextRank = (await db.ItemRanks.Where(r => r.ProjectId == project.Id && r.ModelVersion == served)
            .MaxAsync(r => (int?)r.Rank, cancellationToken) ?? -1) + 1;
        var appended = openNewItems.Select((itemId, i) => new ItemRank
        {
            ItemId = itemId,
            ProjectId = project.Id,
            Rank = nextRank + i,
            Score = 0,
            ModelVersion = served,
        }).ToList();
        await ItemRankWriter.AppendAsync(db, appended, cancellationToken);
    }
}
