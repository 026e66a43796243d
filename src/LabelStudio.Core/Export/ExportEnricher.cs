using LabelStudio.Core.Data;
using LabelStudio.Core.Features;
using LabelStudio.Core.Training;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Export;

/// <summary>
/// Adds feature vectors and the current model's predictions to a batch of rows, reading only that
/// batch's vectors from the database and scoring them on one core, so the export stays flat in
/// memory and leaves the other cores to requests.
/// </summary>
internal sealed class ExportEnricher(
    IDbContextFactory<AppDbContext> contexts, int projectId, ExportSchema schema, CurrentModel? model, string dataRoot)
{
    private bool NeedsVectors =>
        schema.Options.IncludeFeatures || (schema.Options.IncludePredictions && model is not null);

    private bool NeedsMedia => schema.Options.Format == ExportFormat.MediaFolder;

    public async Task EnrichAsync(IReadOnlyList<ExportRecord> batch, CancellationToken cancellationToken)
    {
        if (!(NeedsVectors || NeedsMedia) || batch.Count == 0)
        {
            return;
        }

        var itemIds = batch.Select(r => r.ItemId).Distinct().ToList();
        var vectors = NeedsVectors ? await VectorsAsync(itemIds, cancellationToken) : [];
        var media = NeedsMedia ? await MediaAsync(itemIds, cancellationToken) : [];
        var predictions = Predict(vectors);
        foreach (var record in batch)
        {
            record.Media = media.GetValueOrDefault(record.ItemId);
            if (schema.Options.IncludeFeatures)
            {
                record.Features = vectors.GetValueOrDefault(record.ItemId);
            }
            record.Prediction = predictions.GetValueOrDefault(record.ItemId);
        }
    }

    private async Task<Dictionary<long, float[]>> VectorsAsync(
        List<long> itemIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ItemFeatures.AsNoTracking()
            .Where(f => f.ProjectId == projectId && itemIds.Contains(f.ItemId))
            .Select(f => new { f.ItemId, f.Vector })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ItemId, r => FeatureVectorCodec.Decode(r.Vector));
    }

    private async Task<Dictionary<long, ExportedMedia>> MediaAsync(
        List<long> itemIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ItemMedia.AsNoTracking()
            .Where(m => m.ProjectId == projectId && itemIds.Contains(m.ItemId))
            .Select(m => new { m.ItemId, m.StoredFolder, m.OriginalFile, m.FileName, m.RelativePath })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.ItemId,
            r => new ExportedMedia(Path.Combine(dataRoot, r.StoredFolder, r.OriginalFile), r.FileName, r.RelativePath));
    }

    private Dictionary<long, ExportedPrediction> Predict(Dictionary<long, float[]> vectors)
    {
        if (!schema.Options.IncludePredictions || model is null)
        {
            return [];
        }

        // A model trained before the last import may know fewer features than the items now have:
        // it cannot score them, and those rows carry no prediction rather than a wrong one.
        var scorable = vectors.Where(v => v.Value.Length == model.Classifier.FeatureCount).ToList();
        var probabilities = model.Classifier.PredictProbabilities(
            scorable.Select(v => v.Value).ToList(), maxThreads: 1);
        var predictions = new Dictionary<long, ExportedPrediction>(scorable.Count);
        for (var i = 0; i < scorable.Count; i++)
        {
            var best = Classifier.ArgMax(probabilities[i]);
            predictions[scorable[i].Key] = new ExportedPrediction(schema.Classes[best], probabilities[i]);
        }
        return predictions;
    }
}
