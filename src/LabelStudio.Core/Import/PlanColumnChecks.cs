namespace LabelStudio.Core.Import;

/// <summary>Checks that a plan names real columns and gives each column one role.</summary>
internal static class PlanColumnChecks
{
    public static void Check(ParsedTable table, TableImportPlan plan, ErrorCollector errors)
    {
        if (plan.FeatureColumns.Count == 0)
        {
            errors.Add(null, null, "no feature column is chosen; choose at least one column to learn from");
        }

        IEnumerable<string?> named = [.. plan.FeatureColumns, plan.IdColumn, plan.LabelColumn, .. Overridden(plan)];
        foreach (var name in named.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (table.IndexOf(name) < 0)
            {
                errors.Add(null, name, "the file has no such column");
            }
        }

        var features = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in plan.FeatureColumns.Where(n => !features.Add(n)).Distinct(StringComparer.Ordinal))
        {
            errors.Add(null, name, "the column is chosen as a feature more than once");
        }

        if (plan.IdColumn is { } id && features.Contains(id))
        {
            errors.Add(null, id, "the id column cannot also be a feature");
        }

        if (plan.LabelColumn is { } label && features.Contains(label))
        {
            errors.Add(null, label, "the label column cannot also be a feature: the model would see the answer");
        }

        if (plan.IdColumn is not null && plan.IdColumn == plan.LabelColumn)
        {
            errors.Add(null, plan.IdColumn, "the id column cannot also be the label column");
        }
    }

    private static IEnumerable<string> Overridden(TableImportPlan plan) =>
        plan.ColumnKinds?.Keys ?? Enumerable.Empty<string>();
}
