using System.Globalization;
using System.IO.Compression;
using System.Text;
using LabelStudio.Ml;

namespace LabelStudio.Core.Export.Writers;

/// <summary>
/// CSV in UTF-8 without a byte order mark: source columns exactly as imported, then the decision,
/// prediction and feature columns. Formula-like cells are neutralized (see <see cref="CsvCell"/>).
/// </summary>
internal sealed class CsvExportWriter : IExportWriter
{
    private readonly ExportSchema _schema;
    private readonly StreamWriter _writer;
    private readonly CsvLead? _lead;
    private readonly StringBuilder _line = new();
    private bool _headerWritten;

    public CsvExportWriter(ExportSchema schema, ZipArchive archive)
        : this(schema, archive.CreateEntry("labels.csv", CompressionLevel.Fastest).Open(), "labels.csv", lead: null)
    {
    }

    /// <summary>A CSV into any stream, with extra columns before the source columns.</summary>
    public CsvExportWriter(ExportSchema schema, Stream output, string dataEntry, CsvLead? lead)
    {
        _schema = schema;
        _lead = lead;
        DataEntry = dataEntry;
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
    }

    public string DataEntry { get; }

    public async Task WriteAsync(IReadOnlyList<ExportRecord> batch, CancellationToken cancellationToken)
    {
        await WriteHeaderOnceAsync(cancellationToken);
        foreach (var record in batch)
        {
            _line.Clear();
            foreach (var value in _lead?.Cells(record) ?? [])
            {
                Append(value);
            }
            foreach (var value in record.Values)
            {
                Append(value);
            }
            foreach (var cell in DecisionCells(record))
            {
                Append(cell);
            }
            AppendPrediction(record.Prediction);
            AppendFeatures(record.Features);
            _line.Length--;
            await _writer.WriteLineAsync(_line, cancellationToken);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await WriteHeaderOnceAsync(cancellationToken);
        await _writer.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task WriteHeaderOnceAsync(CancellationToken cancellationToken)
    {
        if (_headerWritten)
        {
            return;
        }
        _headerWritten = true;
        var columns = _schema.Columns;
        IEnumerable<string> header =
        [
            .. _lead?.Columns ?? [], .. _schema.SourceColumns, .. columns.Decision,
            .. columns.PredictedLabel is null ? [] : new[] { columns.PredictedLabel }, .. columns.Probabilities,
            .. columns.Features,
        ];
        await _writer.WriteLineAsync(string.Join(',', header.Select(CsvCell.Format)).AsMemory(), cancellationToken);
    }

    private static IEnumerable<string?> DecisionCells(ExportRecord record)
    {
        var d = record.Decision;
        return
        [
            d.ClassName,
            d.ClassName is null ? "true" : "false",
            d.Annotator,
            d.At.ToString("O", CultureInfo.InvariantCulture),
            d.ModelVersion.ToString(CultureInfo.InvariantCulture),
            d.Round.ToString(CultureInfo.InvariantCulture),
            QueryStrategyNames.ToName(d.Strategy),
            d.SecondsSpent.ToString("0.###", CultureInfo.InvariantCulture),
            d.ScoreWhenServed?.ToString("0.######", CultureInfo.InvariantCulture),
            d.SuggestionShown ? "true" : "false",
            d.Comment,
            record.Agreement?.ToString("0.####", CultureInfo.InvariantCulture),
            record.Annotators.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private void AppendPrediction(ExportedPrediction? prediction)
    {
        if (_schema.Columns.PredictedLabel is null)
        {
            return;
        }
        Append(prediction?.ClassName);
        for (var k = 0; k < _schema.Classes.Count; k++)
        {
            Append(prediction?.Probabilities[k].ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private void AppendFeatures(float[]? features)
    {
        for (var i = 0; i < _schema.FeatureCount; i++)
        {
            Append(features is not null && i < features.Length
                ? features[i].ToString("R", CultureInfo.InvariantCulture)
                : null);
        }
    }

    private void Append(string? value) => _line.Append(CsvCell.Format(value)).Append(',');
}

/// <summary>Columns a CSV puts before the source columns, and how a row fills them.</summary>
internal sealed record CsvLead(IReadOnlyList<string> Columns, Func<ExportRecord, IEnumerable<string?>> Cells);
