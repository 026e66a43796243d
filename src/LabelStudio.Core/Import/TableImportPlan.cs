using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Import;

/// <summary>What to do with a label column's values.</summary>
public enum LabelMode
{
    /// <summary>The values become the rows' labels, as if a person had given them.</summary>
    ImportAsLabels,

    /// <summary>The values are kept hidden to measure the model and the labellers against.</summary>
    HiddenGroundTruth,
}

/// <summary>
/// The user's choices for importing a table. Names are exact column names from
/// <see cref="ParsedTable.Columns"/>. A feature column without an entry in
/// <paramref name="ColumnKinds"/> keeps its inferred kind.
/// </summary>
public sealed record TableImportPlan(
    IReadOnlyList<string> FeatureColumns,
    string? IdColumn = null,
    string? LabelColumn = null,
    LabelMode LabelMode = LabelMode.ImportAsLabels,
    IReadOnlyDictionary<string, ColumnKind>? ColumnKinds = null);
