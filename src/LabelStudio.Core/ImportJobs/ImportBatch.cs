using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Import;
using LabelStudio.Core.Items;
using LabelStudio.Ml.Tabular;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// Everything an import will write, computed before the write transaction opens: the new rows,
/// the project's column list, and a featurizer fitted on old and new items together so that all
/// vectors share one scale.
/// </summary>
internal sealed record ImportBatch(
    IReadOnlyList<ImportedRow> Rows,
    float[][] Vectors,
    IReadOnlyDictionary<long, float[]> ExistingVectors,
    IReadOnlyList<ProjectColumn> Columns,
    string FeaturizerJson)
{
    public static async Task<ImportBatch> PrepareAsync(
        IDbContextFactory<AppDbContext> contexts,
        int projectId,
        ParsedTable table,
        TableImportPlan plan,
        ImportPlanValidation validation,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var columnsJson = await db.Projects.Where(p => p.Id == projectId).Select(p => p.ColumnsJson)
            .FirstAsync(cancellationToken);
        var existing = await db.Items.AsNoTracking()
            .Where(i => i.ProjectId == projectId)
            .Select(i => new { i.Id, i.ExternalId, i.DataJson })
            .ToListAsync(cancellationToken);

        var current = ProjectColumns.Parse(columnsJson);
        var columns = ImportRows.Merge(current, ImportRows.Columns(table, plan, validation));
        var features = plan.FeatureColumns.Select(c => new TabularColumn(c, validation.FeatureKinds[c])).ToList();
        CheckSameFeatures(table.FileName, current, features, existing.Count);
        var rows = ImportRows.Build(table, plan, existing.Count);
        CheckIdsAreNew(table.FileName, plan.IdColumn, rows, existing.Select(e => e.ExternalId));

        var existingValues = existing
            .Select(e => JsonSerializer.Deserialize<Dictionary<string, string?>>(e.DataJson) ?? [])
            .Select(values => features.Select(f => values.GetValueOrDefault(f.Name)).ToArray())
            .ToList();
        var allValues = existingValues.Concat(rows.Select(r => r.FeatureValues)).ToList();
        var featurizer = await Task.Run(() => TabularFeaturizer.Fit(features, allValues), cancellationToken);
        var vectors = await Task.Run(() => featurizer.TransformAll(allValues), cancellationToken);

        var existingVectors = existing.Select((e, i) => (e.Id, vectors[i])).ToDictionary(x => x.Id, x => x.Item2);
        return new ImportBatch(rows, vectors[existing.Count..], existingVectors, columns, featurizer.ToJson());
    }

    /// <summary>A project's items must all be described by the same feature columns.</summary>
    private static void CheckSameFeatures(
        string fileName, IReadOnlyList<ProjectColumn> current, IReadOnlyList<TabularColumn> chosen, int existingItems)
    {
        if (existingItems == 0)
        {
            return;
        }

        var before = current.Where(c => c.Role == ColumnRole.Feature).Select(c => c.Name).Order().ToList();
        var now = chosen.Select(c => c.Name).Order().ToList();
        if (!before.SequenceEqual(now))
        {
            throw new ImportFailedException([new ImportError(fileName, null, null,
                $"The project's items use the feature columns {string.Join(", ", before.Select(n => $"'{n}'"))}; " +
                "choose the same columns for this file.")]);
        }
    }

    private static void CheckIdsAreNew(
        string fileName, string? idColumn, IReadOnlyList<ImportedRow> rows, IEnumerable<string> existingIds)
    {
        var taken = existingIds.ToHashSet(StringComparer.Ordinal);
        var clashes = rows.Where(r => taken.Contains(r.ExternalId)).Take(20)
            .Select(r => new ImportError(
                fileName, r.Line, idColumn, $"The id '{r.ExternalId}' is already used by an item of this project."))
            .ToList();
        if (clashes.Count > 0)
        {
            throw new ImportFailedException(clashes);
        }
    }
}
