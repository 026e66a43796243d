using System.IO.Compression;
using LabelStudio.Ml;
using Parquet;
using Parquet.Schema;

namespace LabelStudio.Core.Export.Writers;

/// <summary>
/// Parquet with typed columns: source values by their column's kind (numbers as doubles, yes/no as
/// booleans, dates as UTC timestamps, the rest as strings), the decision as strings, integers,
/// doubles, booleans and a UTC timestamp, probabilities and features as floats. Rows are written
/// in row groups of <see cref="RowGroupSize"/>, so only one group is held in memory. Parquet needs
/// a seekable stream, so the file is built in the scratch folder and then copied into the package.
/// </summary>
internal sealed class ParquetExportWriter : IExportWriter
{
    private const int RowGroupSize = 10_000;

    private readonly ExportSchema _schema;
    private readonly ExportTarget _target;
    private readonly string _scratchFile;
    private readonly ParquetColumns _columns;
    private FileStream? _file;
    private ParquetWriter? _writer;

    public ParquetExportWriter(ExportSchema schema, ExportTarget target)
    {
        _schema = schema;
        _target = target;
        _scratchFile = Path.Combine(target.ScratchDirectory, "labels.parquet");
        _columns = new ParquetColumns(schema);
    }

    public string DataEntry => "labels.parquet";

    public async Task WriteAsync(IReadOnlyList<ExportRecord> batch, CancellationToken cancellationToken)
    {
        foreach (var record in batch)
        {
            _columns.Add(record);
            if (_columns.Count == RowGroupSize)
            {
                await FlushGroupAsync(cancellationToken);
            }
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_columns.Count > 0 || _writer is null)
        {
            await FlushGroupAsync(cancellationToken);
        }
        await _writer!.DisposeAsync();
        _writer = null;
        await _file!.DisposeAsync();
        _file = null;

        // Parquet pages are compressed already; storing them saves the time deflate would waste.
        var entry = _target.Archive.CreateEntry(DataEntry, CompressionLevel.NoCompression);
        await using var source = File.OpenRead(_scratchFile);
        await using var destination = entry.Open();
        await source.CopyToAsync(destination, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
        File.Delete(_scratchFile);
    }

    private async Task FlushGroupAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            _file = File.Create(_scratchFile);
            _writer = await ParquetWriter.CreateAsync(
                _columns.Schema, _file, cancellationToken: cancellationToken);
            _writer.CustomMetadata = new Dictionary<string, string>
            {
                ["labelstudio.classes"] = string.Join('\n', _schema.Classes),
            };
        }
        using var group = _writer.CreateRowGroup();
        await _columns.WriteAsync(group, cancellationToken);
        _columns.Clear();
    }
}
