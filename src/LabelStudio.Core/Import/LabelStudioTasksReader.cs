using System.Text;
using System.Text.Json;

namespace LabelStudio.Core.Import;

/// <summary>
/// Reads a Label Studio JSON export (an array of tasks) as a table: the task <c>id</c> becomes the
/// column <see cref="IdColumn"/>, each <c>data</c> key a column, and the single <c>choices</c> value
/// of the latest annotation that was not cancelled the column <see cref="LabelColumn"/>. Tasks
/// without such an annotation are unlabeled rows.
/// </summary>
internal static class LabelStudioTasksReader
{
    public const string IdColumn = "id";
    public const string LabelColumn = "label";

    public static async Task<ParsedTable> ReadAsync(
        TextReader reader, string fileName, DetectedFormat format, ErrorCollector errors, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(await reader.ReadToEndAsync(ct));
        var tasks = new List<LabelStudioTask>();
        ReadTasks(bytes, tasks, errors);
        errors.ThrowIfAny();
        if (tasks.Count == 0)
        {
            throw ErrorCollector.Single(fileName, null, "the file holds no tasks");
        }

        var dataKeys = tasks.SelectMany(t => t.Data.Keys).Distinct(StringComparer.Ordinal).ToList();
        var idColumn = FreeName(IdColumn, dataKeys);
        var labelColumn = FreeName(LabelColumn, [.. dataKeys, idColumn]);
        List<string> columns = [idColumn, .. dataKeys, labelColumn];
        var rows = tasks.Select(t => new ParsedRow(t.Line, [
            t.Id, .. dataKeys.Select(k => t.Data.GetValueOrDefault(k)), t.Choice,
        ])).ToList();
        HeaderValidator.Check(columns, _ => 1, errors);
        errors.ThrowIfAny();
        return new ParsedTable(fileName, columns, rows, format);
    }

    /// <summary>
    /// Reads an array of tasks, as Label Studio exports them, or bare task objects: one alone, or one
    /// per line as in its JSON lines export.
    /// </summary>
    private static void ReadTasks(byte[] bytes, List<LabelStudioTask> tasks, ErrorCollector errors)
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowMultipleValues = true };
        var reader = new Utf8JsonReader(bytes, options);
        var lines = new LineCounter(bytes);
        var number = 0;
        try
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
            {
                errors.Add(1, null, "a Label Studio file must hold a JSON array of tasks, or task objects");
                return;
            }
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                do
                {
                    ReadTask(ref reader, ++number, lines, tasks, errors);
                }
                while (!errors.IsFull && reader.Read());
                return;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray && !errors.IsFull)
            {
                ReadTask(ref reader, ++number, lines, tasks, errors);
            }
            if (reader.TokenType == JsonTokenType.EndArray && reader.Read())
            {
                errors.Add(lines.LineAt(reader.TokenStartIndex), null, "the file goes on after its array of tasks");
            }
        }
        catch (JsonException e)
        {
            errors.Add((e.LineNumber ?? 0) + 1, null, JsonErrors.Describe(bytes, e));
        }
    }

    private static void ReadTask(
        ref Utf8JsonReader reader, int number, LineCounter lines, List<LabelStudioTask> tasks, ErrorCollector errors)
    {
        var line = lines.LineAt(reader.TokenStartIndex);
        using var task = JsonDocument.ParseValue(ref reader);
        if (LabelStudioTask.Read(task.RootElement, number, line, errors) is { } read)
        {
            tasks.Add(read);
        }
    }

    private static string FreeName(string name, IReadOnlyCollection<string> taken)
    {
        var chosen = name;
        while (taken.Contains(chosen, StringComparer.OrdinalIgnoreCase))
        {
            chosen = "labelstudio_" + chosen;
        }
        return chosen;
    }

    /// <summary>Turns byte offsets into 1-based line numbers, moving forward only.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long _offset;
        private long _line = 1;

        public long LineAt(long offset)
        {
            for (; _offset < offset && _offset < bytes.Length; _offset++)
            {
                _line += bytes[_offset] == (byte)'\n' ? 1 : 0;
            }
            return _line;
        }
    }
}
