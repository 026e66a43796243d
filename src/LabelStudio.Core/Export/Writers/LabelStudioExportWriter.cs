using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Export.Writers;

/// <summary>
/// Label Studio's JSON export shape: an array of tasks, each with its <c>data</c>, one annotation
/// per exported decision (a <c>choices</c> result, or <c>was_cancelled</c> for a skip) and the
/// model's guess as a prediction. Label Studio imports this file as it is. The array is streamed:
/// rows of one item arrive together, so a task is closed when the next item starts.
/// </summary>
internal sealed class LabelStudioExportWriter : IExportWriter
{
    public const string FromName = "label";
    public const string IdColumn = "id";

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly ExportSchema _schema;
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;
    private readonly string _toName;
    private readonly bool _idColumnIsTaskId;
    private long? _openItem;
    private ExportedPrediction? _openPrediction;
    private long _annotationId;

    public LabelStudioExportWriter(ExportSchema schema, ZipArchive archive)
    {
        _schema = schema;
        _output = new BufferedStream(archive.CreateEntry(DataEntry, CompressionLevel.Fastest).Open(), 1 << 16);
        _json = new Utf8JsonWriter(_output, Options);
        _idColumnIsTaskId = schema.IdColumn == IdColumn;
        _toName = schema.SourceColumns.FirstOrDefault(c => !IsTaskIdColumn(c)) ?? "text";
        _json.WriteStartArray();
    }

    public string DataEntry => "tasks.json";

    public async Task WriteAsync(IReadOnlyList<ExportRecord> batch, CancellationToken cancellationToken)
    {
        foreach (var record in batch)
        {
            if (_openItem != record.ItemId)
            {
                CloseTask();
                OpenTask(record);
            }
            WriteAnnotation(record);
        }
        await _json.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        CloseTask();
        _json.WriteEndArray();
        await _json.FlushAsync(cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _output.DisposeAsync();
    }

    private bool IsTaskIdColumn(string column) => _idColumnIsTaskId && column == IdColumn;

    private void OpenTask(ExportRecord record)
    {
        _openItem = record.ItemId;
        _openPrediction = record.Prediction;
        _json.WriteStartObject();
        _json.WriteNumber("id", long.TryParse(record.ExternalId, CultureInfo.InvariantCulture, out var id)
            ? id
            : record.ItemId);
        _json.WriteStartObject("data");
        for (var c = 0; c < _schema.SourceColumns.Count; c++)
        {
            var column = _schema.SourceColumns[c];
            if (!IsTaskIdColumn(column))
            {
                WriteDataValue(column, _schema.SourceKinds[c], record.Values[c]);
            }
        }
        _json.WriteEndObject();
        _json.WriteStartArray("annotations");
    }

    private void CloseTask()
    {
        if (_openItem is null)
        {
            return;
        }
        _json.WriteEndArray();
        if (_openPrediction is { } prediction)
        {
            _json.WriteStartArray("predictions");
            _json.WriteStartObject();
            _json.WriteString("model_version", $"v{_schema.ModelVersion}");
            _json.WriteNumber("score", prediction.Probabilities.Max());
            WriteResult(prediction.ClassName);
            _json.WriteEndObject();
            _json.WriteEndArray();
        }
        _json.WriteEndObject();
        _openItem = null;
    }

    private void WriteAnnotation(ExportRecord record)
    {
        var decision = record.Decision;
        _json.WriteStartObject();
        _json.WriteNumber("id", ++_annotationId);
        _json.WriteStartObject("completed_by");
        _json.WriteString("email", decision.Annotator);
        _json.WriteEndObject();
        _json.WriteBoolean("was_cancelled", decision.ClassName is null);
        _json.WriteString("created_at", decision.At);
        _json.WriteNumber("lead_time", decision.SecondsSpent);
        WriteResult(decision.ClassName);
        _json.WriteEndObject();
    }

    private void WriteResult(string? className)
    {
        _json.WriteStartArray("result");
        if (className is not null)
        {
            _json.WriteStartObject();
            _json.WriteString("from_name", FromName);
            _json.WriteString("to_name", _toName);
            _json.WriteString("type", "choices");
            _json.WriteStartObject("value");
            _json.WriteStartArray("choices");
            _json.WriteStringValue(className);
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    /// <summary>
    /// Typed as JSON lines types them (<see cref="SourceCell"/>): missing values and markers are null,
    /// yes/no values booleans. A number keeps its imported digits when they already form a JSON number,
    /// so a long integer is not rounded through a double; others ("+3", "007") go out as the number they read as.
    /// </summary>
    private void WriteDataValue(string column, ColumnKind kind, string? value)
    {
        if (SourceCell.IsMissing(value, kind))
        {
            _json.WriteNull(column);
        }
        else if (kind == ColumnKind.Number && SourceCell.Number(value) is { } number)
        {
            WriteNumber(column, value!.Trim(), number);
        }
        else if (kind == ColumnKind.Boolean && SourceCell.Boolean(value) is { } flag)
        {
            _json.WriteBoolean(column, flag);
        }
        else
        {
            _json.WriteString(column, value);
        }
    }

    private void WriteNumber(string column, string text, double number)
    {
        if (IsJsonNumber(text))
        {
            _json.WritePropertyName(column);
            _json.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            _json.WriteNumber(column, number);
        }
    }

    private static bool IsJsonNumber(string value)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
