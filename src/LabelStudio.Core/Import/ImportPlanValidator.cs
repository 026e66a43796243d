using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Import;

/// <summary>
/// Checks an import plan against a parsed table before anything is written: the chosen columns,
/// the ids, every feature value against its chosen kind, and the label values against the
/// project's classes. Collects up to <c>maxErrors</c> problems rather than stopping at the first.
/// </summary>
public static class ImportPlanValidator
{
    // So one bad column cannot hide the problems of the others.
    private const int BadValuesPerColumn = 5;

    public static ImportPlanValidation Validate(
        ParsedTable table,
        TableImportPlan plan,
        IReadOnlyCollection<string> projectClasses,
        int maxErrors = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxErrors, 1);
        var errors = new ErrorCollector(table.FileName, maxErrors);
        PlanColumnChecks.Check(table, plan, errors);
        if (errors.HasErrors)
        {
            // Value checks against a plan that names wrong columns would only add noise.
            return new(table.FileName, plan.LabelColumn, errors.Errors, [], new Dictionary<string, ColumnKind>());
        }

        if (plan.IdColumn is { } id)
        {
            IdChecks.Check(table, id, errors);
        }

        // Inferred kinds fit their values by construction, so only the user's choices are checked.
        var kinds = InferUnchosenKinds(table, plan);
        foreach (var column in plan.FeatureColumns)
        {
            if (plan.ColumnKinds?.TryGetValue(column, out var chosen) == true)
            {
                kinds[column] = chosen;
                var badValues = ColumnValueValidator.FindBadValues(table, column, chosen).Take(BadValuesPerColumn);
                foreach (var error in badValues)
                {
                    errors.Add(error);
                }
            }
        }

        var unknown = plan.LabelColumn is { } label ? UnknownClasses(table, label, projectClasses) : [];
        return new(table.FileName, plan.LabelColumn, errors.Errors, unknown, kinds);
    }

    /// <summary>Kinds of the feature columns the user left to inference; columns are read side by side.</summary>
    private static Dictionary<string, ColumnKind> InferUnchosenKinds(ParsedTable table, TableImportPlan plan)
    {
        var unchosen = plan.FeatureColumns.Where(c => plan.ColumnKinds?.ContainsKey(c) != true)
            .Distinct(StringComparer.Ordinal).ToArray();
        var inferred = new ColumnKind[unchosen.Length];
        Parallel.For(0, unchosen.Length, i =>
            inferred[i] = ColumnTypeInference.InferColumn(table, table.IndexOf(unchosen[i])).Kind);
        return unchosen.Zip(inferred).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    private static List<UnknownClass> UnknownClasses(
        ParsedTable table, string label, IReadOnlyCollection<string> classes)
    {
        // Class names are one namespace whatever their case (project settings refuse "apple" beside
        // "Apple"), so "Apple" in a file is the class "apple", not a new one.
        var known = classes.Select(c => c.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var index = table.IndexOf(label);
        var unknown = new List<UnknownClass>();
        var positionByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows.Where(r => !CellValue.IsMissing(r.Values[index])))
        {
            var value = row.Values[index]!.Trim();
            if (known.Contains(value))
            {
                continue;
            }

            if (positionByName.TryGetValue(value, out var position))
            {
                unknown[position] = unknown[position] with { RowCount = unknown[position].RowCount + 1 };
            }
            else
            {
                positionByName.Add(value, unknown.Count);
                unknown.Add(new UnknownClass(value, row.Line, 1));
            }
        }

        return unknown;
    }
}
