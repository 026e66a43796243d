namespace LabelStudio.Core.Import;

/// <summary>Collects a field's characters when it spans blocks or holds quotes or line ends.</summary>
internal sealed class FieldBuffer
{
    private char[] _chars = new char[256];
    private int _length;

    public void Append(ReadOnlySpan<char> chars)
    {
        if (_length + chars.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + chars.Length));
        }

        chars.CopyTo(_chars.AsSpan(_length));
        _length += chars.Length;
    }

    /// <summary>The field so far plus <paramref name="tail"/>; <c>null</c> when empty. Resets the buffer.</summary>
    public string? TakeValue(ReadOnlySpan<char> tail, ColumnStringPool pool, int column)
    {
        if (_length == 0)
        {
            // Most fields lie within one block: make the string straight from it, with no copy.
            return tail.IsEmpty ? null : pool.Get(column, tail);
        }

        Append(tail);
        var value = pool.Get(column, _chars.AsSpan(0, _length));
        _length = 0;
        return value;
    }
}
