using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Export;

/// <summary>Everything a writer needs to know before the first row: the columns and classes.</summary>
/// <param name="SourceColumns">The project's source columns in file order, the hidden label column left out.</param>
/// <param name="IdColumn">The source column that names items, if the import had one.</param>
/// <param name="Classes">The project's label classes in class-index order.</param>
/// <param name="FeatureCount">Length of the feature vectors; 0 when features are not exported.</param>
/// <param name="SourceKinds">
/// How the import read each source column, aligned with <paramref name="SourceColumns"/>.
/// </param>
/// <param name="ModelVersion">The model whose predictions are exported; null when none are.</param>
public sealed record ExportSchema(
    string ProjectName,
    IReadOnlyList<string> SourceColumns,
    string? IdColumn,
    IReadOnlyList<string> Classes,
    ExportOptions Options,
    int FeatureCount,
    IReadOnlyList<ColumnKind> SourceKinds,
    int? ModelVersion)
{
    /// <summary>The metadata columns after the source columns, renamed where a source column has the name.</summary>
    public ExportColumns Columns { get; } = new(SourceColumns, Classes, Options, FeatureCount);
}
