using System.Text;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

/// <summary>Builds small uploads in memory and parses them.</summary>
internal static class TestFiles
{
    public static Task<ParsedTable> ParseAsync(
        string text, string fileName = "test.csv", TableParseOptions? options = null) =>
        ParseAsync(Encoding.UTF8.GetBytes(text), fileName, options);

    public static async Task<ParsedTable> ParseAsync(
        byte[] bytes, string fileName = "test.csv", TableParseOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return await TableFileParser.ParseAsync(stream, fileName, options);
    }

    public static Task<ImportFailedException> FailAsync(string text, string fileName = "test.csv") =>
        Assert.ThrowsAsync<ImportFailedException>(() => ParseAsync(text, fileName));

    /// <summary>Reads a file from Import/Data, found by walking up from the test binaries to the repository.</summary>
    public static async Task<ParsedTable> ParseDataFileAsync(string name)
    {
        var relative = Path.Combine("tests", "LabelStudio.Core.Tests", "Import", "Data", name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path))
            {
                await using var stream = File.OpenRead(path);
                return await TableFileParser.ParseAsync(stream, name);
            }
        }

        throw new FileNotFoundException($"Test data {relative} not found above {AppContext.BaseDirectory}.");
    }

    public static byte[] Windows1252(string text) =>
        CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    public static byte[] WithBom(Encoding encoding, string text) => [.. encoding.Preamble, .. encoding.GetBytes(text)];
}

/// <summary>An upload stream that cannot seek, like a browser file stream.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
