namespace LabelStudio.Core.Import;

/// <summary>
/// Shares one string per distinct short value of a column. Category-like columns repeat a few
/// values many times; sharing them keeps a large table's memory near the file's size and spares
/// the garbage collector millions of copies. Columns that turn out to be mostly unique (ids,
/// measurements) stop being looked up, so they cost little.
/// </summary>
internal sealed class ColumnStringPool
{
    private const int MaxLength = 32;
    private const int MaxDistinct = 512;
    private readonly List<Column> _columns = [];

    public string Get(int column, ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength)
        {
            return new string(value);
        }

        while (_columns.Count <= column)
        {
            _columns.Add(new Column());
        }

        return _columns[column].Get(value);
    }

    private sealed class Column
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private long _lookups;
        private long _hits;

        public Column() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> value)
        {
            var full = _values.Count >= MaxDistinct;
            if (full && _hits * 2 < _lookups)
            {
                return new string(value);
            }

            _lookups++;
            if (_lookup.TryGetValue(value, out var shared))
            {
                _hits++;
                return shared;
            }

            var text = new string(value);
            if (!full)
            {
                _values.Add(text, text);
            }

            return text;
        }
    }
}
