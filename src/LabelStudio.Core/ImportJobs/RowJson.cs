using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// Writes one row's values as the JSON object items keep (column name to text), through one
/// reused buffer: the same text a serialized dictionary gives, without a dictionary per row.
/// </summary>
internal sealed class RowJson
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly JsonEncodedText[] _names;

    public RowJson(IEnumerable<string> columnNames)
    {
        _writer = new Utf8JsonWriter(_buffer);
        _names = [.. columnNames.Select(name => JsonEncodedText.Encode(name))];
    }

    /// <param name="values">One value per column name, in the same order.</param>
    public string Write(IReadOnlyList<string?> values)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        for (var i = 0; i < _names.Length; i++)
        {
            _writer.WriteString(_names[i], values[i]);
        }
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
