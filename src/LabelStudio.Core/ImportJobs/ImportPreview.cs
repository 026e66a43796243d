using LabelStudio.Core.Import;

namespace LabelStudio.Core.ImportJobs;

/// <summary>What the import page shows before the user commits: the file's shape and proposed column types.</summary>
public sealed record ImportPreview(
    string FileName,
    string Format,
    int RowCount,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<ParsedRow> FirstRows,
    IReadOnlyList<ImportError> Errors)
{
    public bool IsReadable => Errors.Count == 0;
}
