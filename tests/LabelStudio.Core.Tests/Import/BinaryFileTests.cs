using System.IO.Compression;
using System.Text;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

/// <summary>Archives, media and other binary files are refused by name instead of read as one-column CSV.</summary>
public sealed class BinaryFileTests
{
    private const string TableFormats = "table projects take CSV, TSV, JSON lines or Label Studio JSON";

    [Fact]
    public async Task ZipArchiveIsRefusedNamingTheFileAndTheFormatsTablesTake()
    {
        var failure = await FailAsync(ZipOf("a.png", "b.png"), "good.zip");

        var error = Assert.Single(failure.Errors);
        Assert.Equal("good.zip", error.FileName);
        Assert.Contains("ZIP archive", error.Message);
        Assert.Contains(TableFormats, error.Message);
        Assert.Contains("image or audio project", error.Message);
    }

    [Theory]
    [InlineData("photo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG image")]
    [InlineData("photo.csv", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46 }, "JPEG image")]
    [InlineData("paper.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, "PDF document")]
    [InlineData("clip.wav", new byte[] { 0x52, 0x49, 0x46, 0x46, 36, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, "WAV audio")]
    [InlineData("song.mp3", new byte[] { 0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0 }, "MP3 audio")]
    [InlineData("old.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, "Excel")]
    public async Task MediaAndDocumentSignaturesAreRefused(string fileName, byte[] start, string named)
    {
        var failure = await FailAsync([.. start, .. Encoding.ASCII.GetBytes("a,b\n1,2\n")], fileName);

        var error = Assert.Single(failure.Errors);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task FileWithNulBytesIsRefusedAsBinary()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("a,b\n1,2\n"), 0, 0, 0, 7, 200, 13, 0, 0, 0, 1, 2, 3];

        var failure = await FailAsync(bytes, "dump.csv");

        var error = Assert.Single(failure.Errors);
        Assert.Contains("binary data", error.Message);
    }

    [Theory]
    [InlineData("book.xlsx")]
    [InlineData("book.XLS")]
    public async Task ExcelWorkbookIsToldToBeSavedAsCsvFirst(string fileName)
    {
        var failure = await FailAsync(ZipOf("[Content_Types].xml", "xl/workbook.xml"), fileName);

        var error = Assert.Single(failure.Errors);
        Assert.Contains("save it as CSV", error.Message);
    }

    [Fact]
    public async Task Utf16TextWithItsZeroBytesIsStillRead()
    {
        var bytes = new UnicodeEncoding(false, false).GetBytes("Id,Note\n1,a\n2,b\n");

        var table = await TestFiles.ParseAsync(bytes, "notes.csv");

        Assert.Equal(["Id", "Note"], table.Columns);
    }

    private static Task<ImportFailedException> FailAsync(byte[] bytes, string fileName) =>
        Assert.ThrowsAsync<ImportFailedException>(() => TestFiles.ParseAsync(bytes, fileName));

    private static byte[] ZipOf(params string[] names)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(new string('x', 3000) + name);
            }
        }
        return memory.ToArray();
    }
}
