using LabelStudio.Core.Import;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// What the import page shows before the user commits: the file's shape, proposed column types and the
/// id and label columns the file names (<see cref="ColumnProposal.None"/> when it names none).
/// </summary>
public sealed record ImportPreview(
    string FileName,
    string Format,
    int RowCount,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<ParsedRow> FirstRows,
    IReadOnlyList<ImportError> Errors,
    ColumnProposal? Proposal = null)
{
    public ColumnProposal Proposed => Proposal ?? ColumnProposal.None;

    public bool IsReadable => Errors.Count == 0;
}
