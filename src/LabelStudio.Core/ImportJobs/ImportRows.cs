using LabelStudio.Core.Import;
using LabelStudio.Core.Items;

namespace LabelStudio.Core.ImportJobs;

/// <summary>Turns a validated table and plan into rows to write and the project's column list.</summary>
internal static class ImportRows
{
    public static IReadOnlyList<ProjectColumn> Columns(
        ParsedTable table, TableImportPlan plan, ImportPlanValidation validation) =>
        table.Columns.Select(name => new ProjectColumn(
                name,
                validation.FeatureKinds.TryGetValue(name, out var kind) ? kind : Ml.Tabular.ColumnKind.Text,
                RoleOf(name, plan)))
            .ToList();

    /// <summary>
    /// The project's columns once another file is in: known columns keep their place and role, new
    /// ones follow, so no earlier item's values drop out of exports. Feature kinds come from this
    /// import, whose featurizer now describes every item. A label role yields to the other file's
    /// role: rows keep no values under their label column, so hiding it would hide the other file's.
    /// </summary>
    public static IReadOnlyList<ProjectColumn> Merge(
        IReadOnlyList<ProjectColumn> current, IReadOnlyList<ProjectColumn> incoming)
    {
        var incomingByName = incoming.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var known = current.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var kept = current.Select(c => incomingByName.TryGetValue(c.Name, out var now)
            && (now.Role == ColumnRole.Feature || c.Role == ColumnRole.Label) ? now : c);
        return [.. kept, .. incoming.Where(c => !known.Contains(c.Name))];
    }

    /// <summary>
    /// Rows in file order. Rows without an id column are named by their position after the project's
    /// existing items, so a second file never collides with the first.
    /// </summary>
    public static IReadOnlyList<ImportedRow> Build(ParsedTable table, TableImportPlan plan, int existingItems)
    {
        var idIndex = plan.IdColumn is null ? -1 : table.IndexOf(plan.IdColumn);
        var labelIndex = plan.LabelColumn is null ? -1 : table.IndexOf(plan.LabelColumn);
        var featureIndexes = plan.FeatureColumns.Select(table.IndexOf).ToArray();
        var kept = Enumerable.Range(0, table.Columns.Count).Where(i => i != labelIndex).ToArray();
        var json = new RowJson(kept.Select(i => table.Columns[i]));
        var keptValues = new string?[kept.Length];

        var rows = new List<ImportedRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var values = row.Values;
            for (var k = 0; k < kept.Length; k++)
            {
                keptValues[k] = values[kept[k]];
            }
            var label = labelIndex < 0 ? null : values[labelIndex]?.Trim();
            rows.Add(new ImportedRow(
                row.Line,
                idIndex < 0 ? $"row-{existingItems + rows.Count + 1}" : values[idIndex]!.Trim(),
                json.Write(keptValues),
                plan.LabelMode == LabelMode.ImportAsLabels && !string.IsNullOrEmpty(label) ? label : null,
                plan.LabelMode == LabelMode.HiddenGroundTruth && !string.IsNullOrEmpty(label) ? label : null,
                featureIndexes.Select(i => values[i]).ToArray()));
        }
        return rows;
    }

    private static ColumnRole RoleOf(string name, TableImportPlan plan) =>
        name == plan.IdColumn ? ColumnRole.Id
        : name == plan.LabelColumn ? ColumnRole.Label
        : plan.FeatureColumns.Contains(name) ? ColumnRole.Feature
        : ColumnRole.Ignored;
}
