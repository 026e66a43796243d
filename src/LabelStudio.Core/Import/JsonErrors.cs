using System.Text;
using System.Text.Json;

namespace LabelStudio.Core.Import;

/// <summary>Says where and why JSON is broken in plain words: a column on the line, no reader internals.</summary>
internal static class JsonErrors
{
    /// <summary>The column (in characters, 1-based) and the reader's reason, without its position dump.</summary>
    public static string Describe(byte[] json, JsonException e)
    {
        var reason = e.Message;
        foreach (var internals in new[] { " Path:", " LineNumber:" })
        {
            var cut = reason.IndexOf(internals, StringComparison.Ordinal);
            reason = cut < 0 ? reason : reason[..cut];
        }
        reason = reason.Trim().TrimEnd('.', '|').Trim();

        var column = Column(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
        return $"the JSON is broken at column {column}: {reason}";
    }

    /// <summary>Counts characters, not bytes, so a line with accents still points at the right place.</summary>
    private static long Column(byte[] json, long lineIndex, long bytesIntoLine)
    {
        var start = 0;
        for (var line = 0L; line < lineIndex && start < json.Length; line++)
        {
            var next = Array.IndexOf(json, (byte)'\n', start);
            start = next < 0 ? json.Length : next + 1;
        }
        var length = (int)Math.Clamp(bytesIntoLine, 0, json.Length - start);
        return Encoding.UTF8.GetCharCount(json, start, length) + 1;
    }
}
