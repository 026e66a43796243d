using System.Buffers;
using System.Text;

namespace LabelStudio.Core.Import;

/// <summary>Reads a delimited file block by block, so memory holds the rows but never the whole text.</summary>
internal static class DelimitedTableReader
{
    private const int BlockChars = 1 << 16;

    public static async Task<ParsedTable> ReadAsync(
        TextReader reader,
        string fileName,
        DetectedFormat format,
        ErrorCollector errors,
        CancellationToken ct)
    {
        var builder = new DelimitedTableBuilder(errors);
        var tokenizer = new CsvTokenizer(format.Delimiter, builder.Add);
        var block = ArrayPool<char>.Shared.Rent(BlockChars);
        try
        {
            int read;
            while (!errors.IsFull
                && (read = await ReadBlockAsync(reader, block, (tokenizer.Line, format), errors, ct)) > 0)
            {
                tokenizer.Feed(block.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(block);
        }

        if (!errors.IsFull)
        {
            tokenizer.Complete();
        }

        if (tokenizer.UnterminatedQuoteLine is { } quoteLine)
        {
            errors.Add(quoteLine, null, "a quoted field opens on this line and is never closed");
        }

        return builder.Build(fileName, format);
    }

    /// <summary>Reads the next block, turning bytes the encoding rejects into an import error.</summary>
    private static async ValueTask<int> ReadBlockAsync(
        TextReader reader,
        Memory<char> block,
        (long Line, DetectedFormat Format) at,
        ErrorCollector errors,
        CancellationToken ct)
    {
        try
        {
            return await reader.ReadAsync(block, ct);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(at.Line, null, InvalidBytesMessage(at.Format));
            throw new ImportFailedException(errors.Errors);
        }
    }

    internal static string InvalidBytesMessage(DetectedFormat format) =>
        $"the bytes after this line are not valid {format.EncodingName}; "
        + "choose the file's encoding (for example windows-1252) and try again";
}
