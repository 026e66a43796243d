using System.Text.Json;

namespace LabelStudio.Core.Import;

/// <summary>
/// Turns JSON objects into rows. Columns are the union of keys in first-seen order; a key missing
/// from a line, a <c>null</c> and an empty string all become a missing (<c>null</c>) cell.
/// </summary>
internal sealed class JsonTableBuilder(ErrorCollector errors)
{
    private readonly List<ParsedRow> _rows = [];
    private readonly List<string> _columns = [];
    private readonly List<long> _firstLines = [];
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);

    // The last line each column was filled on, to spot a key repeated within one object.
    private readonly List<long> _lastFilled = [];

    public void Add(long line, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            errors.Add(line, null, $"this line is not valid JSON (near character {e.BytePositionInLine + 1})");
            return;
        }

        using (document)
        {
            AddObject(line, document.RootElement);
        }
    }

    public ParsedTable Build(string fileName, DetectedFormat format)
    {
        if (_rows.Count == 0 && !errors.HasErrors)
        {
            errors.Add(null, null, "the file is empty");
        }
        else if (_columns.Count == 0 && !errors.HasErrors)
        {
            errors.Add(null, null, "the objects in the file have no keys");
        }

        HeaderValidator.Check(_columns, i => _firstLines[i], errors);
        errors.ThrowIfAny();
        for (var i = 0; i < _rows.Count; i++)
        {
            _rows[i] = Widen(_rows[i], _columns.Count);
        }

        return new ParsedTable(fileName, _columns, _rows, format);
    }

    private void AddObject(long line, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(line, null, $"each line must be a JSON object, but this one holds {Describe(root.ValueKind)}");
            return;
        }

        var values = new string?[_columns.Count];
        foreach (var property in root.EnumerateObject())
        {
            var column = ColumnFor(property.Name.Trim(), line);
            if (_lastFilled[column] == line)
            {
                errors.Add(line, _columns[column], "this key appears twice in the object");
            }

            _lastFilled[column] = line;
            if (column >= values.Length)
            {
                Array.Resize(ref values, _columns.Count);
            }

            values[column] = CellText(property.Value);
        }

        if (!errors.HasErrors)
        {
            _rows.Add(new ParsedRow(line, values));
        }
    }

    private int ColumnFor(string name, long line)
    {
        if (!_indexByName.TryGetValue(name, out var column))
        {
            column = _columns.Count;
            _indexByName.Add(name, column);
            _columns.Add(name);
            _firstLines.Add(line);
            _lastFilled.Add(0);
        }

        return column;
    }

    /// <summary>Numbers keep their JSON text, which is culture-invariant; nested values keep theirs too.</summary>
    private static string? CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>Rows read before a key first appeared lack its cell; it is missing for them.</summary>
    private static ParsedRow Widen(ParsedRow row, int width)
    {
        if (row.Values.Length == width)
        {
            return row;
        }

        var values = row.Values;
        Array.Resize(ref values, width);
        return row with { Values = values };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "true or false",
    };
}
