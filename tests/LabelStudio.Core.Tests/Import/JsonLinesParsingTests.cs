using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

public sealed class JsonLinesParsingTests
{
    [Fact]
    public async Task MissingKeysBecomeMissingCellsAndColumnsKeepFirstSeenOrder()
    {
        var text = "{\"id\":\"a\",\"mass\":3750}\n\n{\"id\":\"b\",\"sex\":\"MALE\"}\n{\"sex\":null,\"mass\":4.5e3}\n";

        var table = await TestFiles.ParseAsync(text, "penguins.jsonl");

        Assert.Equal(TableFileFormat.JsonLines, table.Format.Format);
        Assert.Equal(["id", "mass", "sex"], table.Columns);
        Assert.Equal(["a", "3750", null], table.Rows[0].Values.AsEnumerable());
        Assert.Equal(["b", null, "MALE"], table.Rows[1].Values.AsEnumerable());
        Assert.Equal([null, "4.5e3", null], table.Rows[2].Values.AsEnumerable());
        Assert.Equal([1L, 3L, 4L], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task BooleansAndNestedValuesBecomeText()
    {
        var text = "{\"ok\":true,\"tags\":[\"x\",1],\"pos\":{\"x\":1},\"name\":\"\"}\n";

        var table = await TestFiles.ParseAsync(text, "rows.ndjson");

        Assert.Equal(["true", "[\"x\",1]", "{\"x\":1}", null], table.Rows[0].Values.AsEnumerable());
    }

    [Fact]
    public async Task JsonLinesAreRecognisedByContent()
    {
        var table = await TestFiles.ParseAsync("{\"a\":1,\"b\":2}\r\n{\"a\":3,\"b\":4}\r\n", "upload");

        Assert.Equal(TableFileFormat.JsonLines, table.Format.Format);
        Assert.Null(table.Format.Delimiter);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public async Task KeysDifferingOnlyInCaseAreRejectedAsDuplicates()
    {
        var failure = await TestFiles.FailAsync("{\"Mass\":1}\n{\"mass\":2}\n", "rows.jsonl");

        var error = Assert.Single(failure.Errors);
        Assert.Equal(2L, error.Line);
        Assert.Equal("mass", error.Column);
    }
}
