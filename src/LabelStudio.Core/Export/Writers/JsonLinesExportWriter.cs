using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using LabelStudio.Ml;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Export.Writers;

/// <summary>
/// One JSON object per line with the same keys as the CSV columns: source values typed by their
/// column's kind (see <see cref="WriteSourceValue"/>), decision fields as numbers, booleans and
/// ISO 8601 times.
/// </summary>
internal sealed class JsonLinesExportWriter : IExportWriter
{
    private static readonly JsonWriterOptions LineOptions = new()
    {
        // Text stays readable (accents, emoji) instead of \u escapes; still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly ExportSchema _schema;
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    public JsonLinesExportWriter(ExportSchema schema, ZipArchive archive)
    {
        _schema = schema;
        _output = new BufferedStream(archive.CreateEntry(DataEntry, CompressionLevel.Fastest).Open(), 1 << 16);
        _json = new Utf8JsonWriter(_output, LineOptions);
    }

    public string DataEntry => "labels.jsonl";

    public async Task WriteAsync(IReadOnlyList<ExportRecord> batch, CancellationToken cancellationToken)
    {
        foreach (var record in batch)
        {
            WriteRecord(record);
            await _json.FlushAsync(cancellationToken);
            _json.Reset();
            await _output.WriteAsync(NewLine, cancellationToken);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken) =>
        await _output.FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _output.DisposeAsync();
    }

    private void WriteRecord(ExportRecord record)
    {
        var columns = _schema.Columns;
        var d = record.Decision;
        _json.WriteStartObject();
        for (var c = 0; c < _schema.SourceColumns.Count; c++)
        {
            WriteSourceValue(_schema.SourceColumns[c], _schema.SourceKinds[c], record.Values[c]);
        }
        _json.WriteString(columns.Label, d.ClassName);
        _json.WriteBoolean(columns.Skipped, d.ClassName is null);
        _json.WriteString(columns.Annotator, d.Annotator);
        _json.WriteString(columns.LabeledAt, d.At);
        _json.WriteNumber(columns.ModelVersion, d.ModelVersion);
        _json.WriteNumber(columns.Round, d.Round);
        _json.WriteString(columns.Strategy, QueryStrategyNames.ToName(d.Strategy));
        _json.WriteNumber(columns.SecondsSpent, d.SecondsSpent);
        WriteNumberOrNull(columns.ScoreWhenServed, d.ScoreWhenServed);
        _json.WriteBoolean(columns.SuggestionShown, d.SuggestionShown);
        _json.WriteString(columns.Comment, d.Comment);
        WriteNumberOrNull(columns.Agreement, record.Agreement);
        _json.WriteNumber(columns.Annotators, record.Annotators);
        WritePrediction(record.Prediction);
        for (var i = 0; i < columns.Features.Count; i++)
        {
            WriteNumberOrNull(columns.Features[i], record.Features is { } f && i < f.Length ? f[i] : null);
        }
        _json.WriteEndObject();
    }

    /// <summary>
    /// Numbers and yes/no values as JSON numbers and booleans, dates, categories and text as the
    /// imported string, missing values as null. A cell that does not read as its column's kind (an
    /// earlier file may have typed the column otherwise) stays a string rather than being lost.
    /// </summary>
    private void WriteSourceValue(string name, ColumnKind kind, string? value)
    {
        if (SourceCell.IsMissing(value, kind))
        {
            _json.WriteNull(name);
        }
        else if (kind == ColumnKind.Number && SourceCell.Number(value) is { } number)
        {
            _json.WriteNumber(name, number);
        }
        else if (kind == ColumnKind.Boolean && SourceCell.Boolean(value) is { } flag)
        {
            _json.WriteBoolean(name, flag);
        }
        else
        {
            _json.WriteString(name, value);
        }
    }

    private void WritePrediction(ExportedPrediction? prediction)
    {
        var columns = _schema.Columns;
        if (columns.PredictedLabel is null)
        {
            return;
        }
        _json.WriteString(columns.PredictedLabel, prediction?.ClassName);
        for (var k = 0; k < columns.Probabilities.Count; k++)
        {
            WriteNumberOrNull(columns.Probabilities[k], prediction?.Probabilities[k]);
        }
    }

    private void WriteNumberOrNull(string name, double? value)
    {
        if (value is { } number)
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void WriteNumberOrNull(string name, float? value)
    {
        if (value is { } number)
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }
}
