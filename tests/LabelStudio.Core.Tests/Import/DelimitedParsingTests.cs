using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

public sealed class DelimitedParsingTests
{
    [Fact]
    public async Task QuotedFieldWithNewlineKeepsLaterLineNumbersRight()
    {
        var text = "Name,Note\nAda,\"first line\nsecond line\"\nBob,plain\n";

        var table = await TestFiles.ParseAsync(text);

        Assert.Equal(["Name", "Note"], table.Columns);
        Assert.Equal("first line\nsecond line", table.Rows[0].Values[1]);
        Assert.Equal([2L, 4L], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task QuotedFieldsKeepDelimitersAndDoubledQuotes()
    {
        var text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n";

        var table = await TestFiles.ParseAsync(text);

        Assert.Equal(["x, y", "say \"hi\""], table.Rows[0].Values.AsEnumerable());
    }

    [Fact]
    public async Task SemicolonSeparatedFileIsDetected()
    {
        var text = "Species;Mass\nAdelie;3750,5\nGentoo;5000\n";

        var table = await TestFiles.ParseAsync(text);

        Assert.Equal(';', table.Format.Delimiter);
        Assert.Equal(["Adelie", "3750,5"], table.Rows[0].Values.AsEnumerable());
    }

    [Fact]
    public async Task TsvFileIsReadWithTabs()
    {
        var text = "id\tcomment\n1\thello, world; bye\n2\tok\n";

        var table = await TestFiles.ParseAsync(text, "notes.tsv");

        Assert.Equal('\t', table.Format.Delimiter);
        Assert.Equal("hello, world; bye", table.Rows[0].Values[1]);
    }

    [Fact]
    public async Task TabsAreDetectedWithoutTheTsvExtension()
    {
        var text = "id\tname\n1\tAda\n2\tBob\n";

        var table = await TestFiles.ParseAsync(text, "export.txt");

        Assert.Equal('\t', table.Format.Delimiter);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public async Task PipeSeparatedFileIsDetected()
    {
        var table = await TestFiles.ParseAsync("a|b|c\n1|2|3\n");

        Assert.Equal('|', table.Format.Delimiter);
    }

    [Fact]
    public async Task CallerCanOverrideTheDelimiter()
    {
        var options = new TableParseOptions { Delimiter = ';' };

        var table = await TestFiles.ParseAsync("a,b;c\n1,2;3\n", options: options);

        Assert.Equal(["a,b", "c"], table.Columns);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4")]
    [InlineData("a,b\r1,2\r3,4\r")]
    [InlineData("a,b\n1,2\n\n3,4\n\n")]
    public async Task LineEndsOfEveryKindAreAccepted(string text)
    {
        var table = await TestFiles.ParseAsync(text);

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["3", "4"], table.Rows[1].Values.AsEnumerable());
    }

    [Fact]
    public async Task EmptyCellsAreNullAndHeadersAreTrimmed()
    {
        var text = " Id , Mass \nx,\ny,\"\"\n";

        var table = await TestFiles.ParseAsync(text);

        Assert.Equal(["Id", "Mass"], table.Columns);
        Assert.All(table.Rows, r => Assert.Null(r.Values[1]));
    }

    [Fact]
    public async Task CrLfInsideQuotesCountsAsOneLine()
    {
        var text = "a,b\r\n\"1\r\n2\",x\r\n3,y\r\n";

        var table = await TestFiles.ParseAsync(text);

        Assert.Equal("1\r\n2", table.Rows[0].Values[0]);
        Assert.Equal(4L, table.Rows[1].Line);
    }

    [Fact]
    public async Task OneColumnFileKeepsCommasInItsText()
    {
        var text = "review\nGreat, would buy again\nBad; broke in a week\n";

        var table = await TestFiles.ParseAsync(text);

        Assert.Null(table.Format.Delimiter);
        Assert.Equal(["review"], table.Columns);
        Assert.Equal("Great, would buy again", table.Rows[0].Values[0]);
    }
}
