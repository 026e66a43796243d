using System.Text;

namespace LabelStudio.Core.Import;

/// <summary>Guesses a text file's encoding from its first bytes.</summary>
internal static class EncodingSniffer
{
    /// <param name="prefix">The file's first bytes.</param>
    /// <param name="isWholeFile">Whether <paramref name="prefix"/> is all of it, so a cut-off
    /// multi-byte sequence at its end is a real error rather than the edge of the sample.</param>
    public static SniffedEncoding Sniff(ReadOnlySpan<byte> prefix, bool isWholeFile)
    {
        if (FromBom(prefix) is { } fromBom)
        {
            return fromBom;
        }

        if (FromZeroBytes(prefix) is { } utf16)
        {
            return new SniffedEncoding(utf16, 0);
        }

        return Utf8Validation.IsUtf8(prefix, isWholeFile)
            ? new SniffedEncoding(SniffedEncoding.StrictUtf8, 0)
            : new SniffedEncoding(SniffedEncoding.Windows1252, 0);
    }

    /// <summary>Skips a leading BOM when the caller named the encoding and the file agrees.</summary>
    public static SniffedEncoding ForChosen(Encoding encoding, ReadOnlySpan<byte> prefix)
    {
        var preamble = encoding.Preamble;
        var bom = preamble.Length > 0 && prefix.StartsWith(preamble) ? preamble.Length : 0;
        return new SniffedEncoding(encoding, bom);
    }

    private static SniffedEncoding? FromBom(ReadOnlySpan<byte> b)
    {
        // UTF-32 LE starts like UTF-16 LE, so it must be checked first.
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new SniffedEncoding(SniffedEncoding.Utf32Le, 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new SniffedEncoding(SniffedEncoding.StrictUtf8, 3);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new SniffedEncoding(SniffedEncoding.Utf16Le, 2);
        }

        return b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? new SniffedEncoding(SniffedEncoding.Utf16Be, 2) : null;
    }

    /// <summary>
    /// Text in UTF-16 has a zero high byte for every ASCII character (digits, delimiters, line
    /// ends), which 8-bit encodings of a text file essentially never contain.
    /// </summary>
    private static Encoding? FromZeroBytes(ReadOnlySpan<byte> b)
    {
        int pairs = b.Length / 2, evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < b.Length; i += 2)
        {
            evenZeros += b[i] == 0 ? 1 : 0;
            oddZeros += b[i + 1] == 0 ? 1 : 0;
        }

        if (oddZeros >= pairs / 4 && oddZeros > 4 * evenZeros && oddZeros > 0)
        {
            return SniffedEncoding.Utf16Le;
        }

        return evenZeros >= pairs / 4 && evenZeros > 4 * oddZeros && evenZeros > 0 ? SniffedEncoding.Utf16Be : null;
    }
}
