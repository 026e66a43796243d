using System.Buffers;

namespace LabelStudio.Core.Import;

/// <summary>
/// An RFC 4180 tokenizer that is fed text block by block. Its state survives between blocks, so
/// a field, a doubled quote or a CRLF may straddle two of them. Lenient where RFC 4180 is silent:
/// a quote inside an unquoted field is literal, text after a closing quote is kept, blank lines
/// are skipped. Empty fields become <c>null</c>. Without a delimiter every record is one field.
/// </summary>
internal sealed class CsvTokenizer(char? delimiter, Action<long, string?[]> onRecord)
{
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");
    private readonly SearchValues<char> _unquotedStops =
        SearchValues.Create(delimiter is { } d ? [d, '\r', '\n'] : ['\r', '\n']);

    // An int, so "no delimiter" (-1) never equals a character and the hot path needs no null check.
    private readonly int _delimiter = delimiter ?? -1;
    private readonly List<string?> _fields = [];
    private readonly FieldBuffer _field = new();
    private readonly ColumnStringPool _pool = new();
    private State _state = State.RecordStart;
    private bool _afterCr;
    private long _recordLine;
    private long _quoteLine;

    private enum State
    {
        RecordStart,
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }

    /// <summary>The 1-based physical line the next character belongs to.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Set by <see cref="Complete"/> when the text ended inside a quoted field.</summary>
    public long? UnterminatedQuoteLine { get; private set; }

    public void Feed(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            i = _state switch
            {
                State.RecordStart => StartRecord(text, i),
                State.FieldStart => StartField(text, i),
                State.Unquoted => ReadUnquoted(text, i),
                State.Quoted => ReadQuoted(text, i),
                _ => AfterQuote(text, i),
            };
        }
    }

    /// <summary>Ends the text: emits a last record that had no line end.</summary>
    public void Complete()
    {
        if (_state == State.Quoted)
        {
            UnterminatedQuoteLine = _quoteLine;
        }
        else if (_state != State.RecordStart)
        {
            EndField([]);
            EndRecord();
        }
    }

    private int StartRecord(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c == '\n' && _afterCr)
        {
            _afterCr = false;
            return i + 1;
        }

        if (c is '\r' or '\n')
        {
            CountLineEnd(c);
            return i + 1;
        }

        _afterCr = false;
        _recordLine = Line;
        _state = State.FieldStart;
        return i;
    }

    private int StartField(ReadOnlySpan<char> text, int i)
    {
        if (text[i] != '"')
        {
            _state = State.Unquoted;
            return i;
        }

        _quoteLine = Line;
        _state = State.Quoted;
        return i + 1;
    }

    private int ReadUnquoted(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        var stop = rest.IndexOfAny(_unquotedStops);
        if (stop < 0)
        {
            _field.Append(rest);
            return text.Length;
        }

        EndField(rest[..stop]);
        var c = rest[stop];
        if (c == _delimiter)
        {
            _state = State.FieldStart;
        }
        else
        {
            CountLineEnd(c);
            EndRecord();
        }

        return i + stop + 1;
    }

    private int ReadQuoted(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        var stop = rest.IndexOfAny(QuotedStops);
        var content = stop < 0 ? rest : rest[..stop];
        _field.Append(content);
        if (!content.IsEmpty)
        {
            _afterCr = false;
        }

        if (stop < 0)
        {
            return text.Length;
        }

        var c = rest[stop];
        if (c == '"')
        {
            _afterCr = false;
            _state = State.AfterQuote;
        }
        else
        {
            _field.Append([c]);
            CountLineEnd(c);
        }

        return i + stop + 1;
    }

    private int AfterQuote(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c == '"')
        {
            _field.Append(['"']);
            _state = State.Quoted;
            return i + 1;
        }

        if (c != _delimiter && c is not ('\r' or '\n'))
        {
            // Text after the closing quote: keep it rather than reject the file.
            _state = State.Unquoted;
            return i;
        }

        EndField([]);
        if (c == _delimiter)
        {
            _state = State.FieldStart;
        }
        else
        {
            CountLineEnd(c);
            EndRecord();
        }

        return i + 1;
    }

    /// <summary>CR, LF and CRLF each end one physical line.</summary>
    private void CountLineEnd(char c)
    {
        if (c == '\r' || !_afterCr)
        {
            Line++;
        }

        _afterCr = c == '\r';
    }

    private void EndField(ReadOnlySpan<char> tail) => _fields.Add(_field.TakeValue(tail, _pool, _fields.Count));

    private void EndRecord()
    {
        onRecord(_recordLine, [.. _fields]);
        _fields.Clear();
        _state = State.RecordStart;
    }

}
