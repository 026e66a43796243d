using System.Text;

namespace LabelStudio.Core.Import;

/// <summary>Reads one JSON object per line; blank lines are skipped.</summary>
internal static class JsonLinesReader
{
    public static async Task<ParsedTable> ReadAsync(
        TextReader reader,
        string fileName,
        DetectedFormat format,
        ErrorCollector errors,
        CancellationToken ct)
    {
        var builder = new JsonTableBuilder(errors);
        long line = 0;
        while (!errors.IsFull && await ReadLineAsync(reader, (line, format), errors, ct) is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                builder.Add(line, text);
            }
        }

        return builder.Build(fileName, format);
    }

    private static async ValueTask<string?> ReadLineAsync(
        TextReader reader,
        (long Line, DetectedFormat Format) at,
        ErrorCollector errors,
        CancellationToken ct)
    {
        try
        {
            return await reader.ReadLineAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(at.Line, null, DelimitedTableReader.InvalidBytesMessage(at.Format));
            throw new ImportFailedException(errors.Errors);
        }
    }
}
