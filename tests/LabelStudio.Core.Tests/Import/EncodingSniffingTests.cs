using System.Text;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

public sealed class EncodingSniffingTests
{
    [Fact]
    public async Task Windows1252FileWithAccentsIsDecoded()
    {
        var bytes = TestFiles.Windows1252("Name;Drink\nZoë;Café\n");

        var table = await TestFiles.ParseAsync(bytes);

        Assert.Equal("windows-1252", table.Format.EncodingName);
        Assert.Equal(["Zoë", "Café"], table.Rows[0].Values.AsEnumerable());
    }

    [Fact]
    public async Task Utf8ByteOrderMarkIsNotPartOfTheFirstHeader()
    {
        var bytes = TestFiles.WithBom(Encoding.UTF8, "Id,Name\n1,Zoë\n");

        var table = await TestFiles.ParseAsync(bytes);

        Assert.Equal("Id", table.Columns[0]);
        Assert.True(table.Format.HasByteOrderMark);
        Assert.Equal("utf-8", table.Format.EncodingName);
        Assert.Equal("Zoë", table.Rows[0].Values[1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Utf16LittleEndianIsReadWithOrWithoutBom(bool bom)
    {
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: bom);
        var text = "Id\tName\n1\tZoë\n2\tRenée\n";
        var bytes = bom ? TestFiles.WithBom(encoding, text) : encoding.GetBytes(text);

        var table = await TestFiles.ParseAsync(bytes);

        Assert.Equal("utf-16", table.Format.EncodingName);
        Assert.Equal(bom, table.Format.HasByteOrderMark);
        Assert.Equal(["Id", "Name"], table.Columns);
        Assert.Equal("Renée", table.Rows[1].Values[1]);
    }

    [Fact]
    public async Task Utf16BigEndianWithoutBomIsDetected()
    {
        var bytes = new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes("a,b\n1,Zoë\n");

        var table = await TestFiles.ParseAsync(bytes);

        Assert.Equal("utf-16BE", table.Format.EncodingName);
        Assert.Equal("Zoë", table.Rows[0].Values[1]);
    }

    [Fact]
    public async Task Windows1252ByteFarIntoASeekableFileIsNotMistakenForUtf8()
    {
        var ascii = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i},plain\n"));
        var bytes = TestFiles.Windows1252("Id,Word\n" + ascii + "10000,Café\n");

        var table = await TestFiles.ParseAsync(bytes);

        Assert.Equal("windows-1252", table.Format.EncodingName);
        Assert.Equal("Café", table.Rows[^1].Values[1]);
    }

    [Fact]
    public async Task InvalidUtf8FarIntoAForwardOnlyStreamIsAnError()
    {
        var ascii = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i},plain\n"));
        using var stream = new ForwardOnlyStream(TestFiles.Windows1252("Id,Word\n" + ascii + "10000,Café\n"));

        var failure = await Assert.ThrowsAsync<ImportFailedException>(
            () => TableFileParser.ParseAsync(stream, "up.csv"));

        var error = Assert.Single(failure.Errors);
        Assert.Contains("not valid utf-8", error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public async Task CallerCanOverrideTheEncoding()
    {
        var options = new TableParseOptions { Encoding = Encoding.Latin1 };

        var table = await TestFiles.ParseAsync(Encoding.Latin1.GetBytes("a,b\n1,ü\n"), options: options);

        Assert.Equal("iso-8859-1", table.Format.EncodingName);
        Assert.Equal("ü", table.Rows[0].Values[1]);
    }
}
