using System.Text;

namespace LabelStudio.Core.Import;

/// <summary>The entry point of import: reads an uploaded table file into a <see cref="ParsedTable"/>.</summary>
public static class TableFileParser
{
    /// <summary>How many leading bytes are read to sniff the encoding, the format and binary content.</summary>
    public const int SniffBytes = 1 << 16;
    private const int ReaderBufferBytes = 1 << 16;

    /// <summary>
    /// Sniffs encoding, format and delimiter (unless <paramref name="options"/> fixes them), reads
    /// every record and checks the header and row shapes.
    /// </summary>
    /// <param name="progress">Receives the fraction of bytes read, at most once per percent, then 1.0.</param>
    // / <exception cref="ImportFailedException">The file cannot be read as a table; carries every problem
    // found.</exception>
    public static async Task<ParsedTable> ParseAsync(
        Stream stream,
        string fileName,
        TableParseOptions? options = null,
        IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TableParseOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxErrors, 1, nameof(options));
        if (options.Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("A quote or line end cannot be the delimiter.", nameof(options));
        }

        var totalBytes = stream.CanSeek ? stream.Length - stream.Position : options.TotalBytes;
        var prefix = await ReadPrefixAsync(stream, ct);
        var isWholeFile = prefix.Length < SniffBytes;
        var encoding = await ChooseEncodingAsync(stream, prefix, isWholeFile, options, ct);
        BinaryFileCheck.ThrowIfBinary(fileName, prefix, encoding.Encoding);
        var sample = DecodeSample(encoding, prefix, isWholeFile);

        var kind = options.Format ?? FormatOf(fileName, sample);
        var delimiter = kind is TableFileFormat.JsonLines or TableFileFormat.LabelStudioJson
            ? null
            : options.Delimiter ?? DelimiterSniffer.Sniff(sample, isWholeFile, fileName);
        var format = new DetectedFormat(kind, encoding.Encoding.WebName, encoding.BomLength > 0, delimiter);

        var errors = new ErrorCollector(fileName, options.MaxErrors);
        var afterBom = prefix.AsMemory(encoding.BomLength);
        await using var counted = new ProgressStream(stream, afterBom, encoding.BomLength, totalBytes, progress);
        using var reader = new StreamReader(counted, encoding.Encoding, false, ReaderBufferBytes, leaveOpen: true);
        var table = kind switch
        {
            TableFileFormat.JsonLines => await JsonLinesReader.ReadAsync(reader, fileName, format, errors, ct),
            TableFileFormat.LabelStudioJson =>
                await LabelStudioTasksReader.ReadAsync(reader, fileName, format, errors, ct),
            _ => await DelimitedTableReader.ReadAsync(reader, fileName, format, errors, ct),
        };

        counted.Complete();
        return table;
    }

    private static async Task<byte[]> ReadPrefixAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[SniffBytes];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
        {
            filled += read;
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    private static async Task<SniffedEncoding> ChooseEncodingAsync(
        Stream stream,
        byte[] prefix,
        bool isWholeFile,
        TableParseOptions options,
        CancellationToken ct)
    {
        if (options.Encoding is { } chosen)
        {
            return EncodingSniffer.ForChosen(chosen, prefix);
        }

        var sniffed = EncodingSniffer.Sniff(prefix, isWholeFile);
        if (!sniffed.IsUtf8 || sniffed.BomLength > 0 || isWholeFile || !stream.CanSeek)
        {
            return sniffed;
        }

        // Valid UTF-8 at the start says little about the end, so a seekable file is checked whole.
        var resumeAt = stream.Position;
        var valid = await Utf8Validation.RestIsUtf8Async(stream, prefix, ct);
        stream.Position = resumeAt;
        return valid ? sniffed : new SniffedEncoding(SniffedEncoding.Windows1252, 0);
    }

    /// <summary>Decodes the sniffed bytes for the format and delimiter guesses; never throws.</summary>
    private static string DecodeSample(SniffedEncoding encoding, byte[] prefix, bool isWholeFile)
    {
        var decoder = encoding.Encoding.GetDecoder();
        decoder.Fallback = DecoderFallback.ReplacementFallback;
        var bytes = prefix.AsSpan(encoding.BomLength);
        var chars = new char[encoding.Encoding.GetMaxCharCount(bytes.Length)];
        var count = decoder.GetChars(bytes, chars, flush: isWholeFile);
        return new string(chars, 0, count);
    }

    private static TableFileFormat FormatOf(string fileName, string sample)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var start = sample.TrimStart();
        if (extension is ".csv" or ".tsv" or ".tab" or ".psv")
        {
            return TableFileFormat.Delimited;
        }

        // Objects are JSON lines unless they are Label Studio tasks: a lone task, or one per line.
        if (start.StartsWith('{'))
        {
            return LabelStudioTaskSniffer.StartsWithTask(start)
                ? TableFileFormat.LabelStudioJson
                : TableFileFormat.JsonLines;
        }

        if (extension is ".jsonl" or ".ndjson")
        {
            return TableFileFormat.JsonLines;
        }

        // A JSON array is a Label Studio export.
        return extension == ".json" || start.StartsWith('[')
            ? TableFileFormat.LabelStudioJson
            : TableFileFormat.Delimited;
    }
}
