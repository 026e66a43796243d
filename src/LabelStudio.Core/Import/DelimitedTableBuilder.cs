namespace LabelStudio.Core.Import;

/// <summary>Turns tokenized records into a table: the first is the header, the rest must match it.</summary>
internal sealed class DelimitedTableBuilder(ErrorCollector errors)
{
    private readonly List<ParsedRow> _rows = [];
    private string[]? _header;
    private long _headerLine;
    private long _dataRecords;

    public void Add(long line, string?[] fields)
    {
        if (_header is null)
        {
            _header = [.. fields.Select(f => f?.Trim() ?? "")];
            _headerLine = line;
            HeaderValidator.Check(_header, _ => line, errors);
            return;
        }

        _dataRecords++;
        if (fields.Length != _header.Length)
        {
            errors.Add(line, null, $"this row has {fields.Length} fields but the header has {_header.Length}");
        }
        else if (!errors.HasErrors)
        {
            // Once the file is known to be bad, rows are no longer kept: only problems matter.
            _rows.Add(new ParsedRow(line, fields));
        }
    }

    public ParsedTable Build(string fileName, DetectedFormat format)
    {
        // A file already found bad (an unclosed quote swallows every row after it) needs no guess at why
        // it looks empty: that guess would only be a false second error.
        if (!errors.HasErrors)
        {
            CheckHasRows();
        }

        errors.ThrowIfAny();
        return new ParsedTable(fileName, _header!, _rows, format);
    }

    private void CheckHasRows()
    {
        if (_header is null)
        {
            errors.Add(null, null, "the file is empty");
        }
        else if (_dataRecords == 0)
        {
            errors.Add(_headerLine, null, "the file has a header but no data rows");
        }
    }
}
