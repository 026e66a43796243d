using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

public sealed class ParseErrorTests
{
    [Fact]
    public async Task EmptyFileIsRejected()
    {
        var failure = await TestFiles.FailAsync("");

        var error = Assert.Single(failure.Errors);
        Assert.Equal("test.csv: the file is empty", error.ToString());
    }

    [Fact]
    public async Task HeaderOnlyFileIsRejectedWithItsLine()
    {
        var failure = await TestFiles.FailAsync("Id,Species\n");

        var error = Assert.Single(failure.Errors);
        Assert.Equal(1L, error.Line);
        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public async Task UnclosedQuoteIsTheOnlyErrorReported()
    {
        var failure = await TestFiles.FailAsync("Id,Note\n1,\"never closed\n2,b\n");

        var error = Assert.Single(failure.Errors);
        Assert.Equal("test.csv, line 2: a quoted field opens on this line and is never closed", error.ToString());
    }

    [Fact]
    public async Task RaggedRowIsRejectedWithItsLine()
    {
        var text = "Id,Species,Sex\n1,Adelie,MALE\n2,Gentoo\n3,Adelie,FEMALE\n";

        var failure = await TestFiles.FailAsync(text);

        var error = Assert.Single(failure.Errors);
        Assert.Equal("test.csv, line 3: this row has 2 fields but the header has 3", error.ToString());
    }

    [Fact]
    public async Task EveryRaggedRowIsReportedUpToTheCap()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Repeat("1,2,3\n", 30));

        var failure = await TestFiles.FailAsync(text);

        Assert.Equal(20, failure.Errors.Count);
        Assert.Equal(Enumerable.Range(2, 20).Select(i => (long?)i), failure.Errors.Select(e => e.Line));
    }

    [Fact]
    public async Task DuplicateHeaderNamesAreRejectedIgnoringCaseAndSpaces()
    {
        var failure = await TestFiles.FailAsync("Mass,Sex, mass \n1,M,2\n");

        var error = Assert.Single(failure.Errors);
        Assert.Equal("mass", error.Column);
        Assert.Contains("repeats the name of column 1 ('Mass')", error.Message);
    }

    [Fact]
    public async Task BlankHeaderNameIsRejectedWithItsPosition()
    {
        var failure = await TestFiles.FailAsync("Id,,Sex\n1,2,3\n");

        var error = Assert.Single(failure.Errors);
        Assert.Equal("test.csv, line 1: column 2 has a blank name; every column needs one", error.ToString());
    }

    [Fact]
    public async Task UnterminatedQuoteNamesTheLineWhereItOpened()
    {
        var text = "Id,Note\n1,fine\n2,\"never closed\n3,more\n4,text\n";

        var failure = await TestFiles.FailAsync(text);

        var error = Assert.Single(failure.Errors);
        Assert.Equal(3L, error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public async Task NonObjectJsonLineIsRejectedWithItsLine()
    {
        var text = "{\"a\":1}\n\n[1,2]\n{\"a\":2}\n";

        var failure = await TestFiles.FailAsync(text, "rows.jsonl");

        var error = Assert.Single(failure.Errors);
        Assert.Equal(
            "rows.jsonl, line 3: each line must be a JSON object, but this one holds an array",
            error.ToString());
    }

    [Fact]
    public async Task InvalidJsonLineIsRejectedWithItsLine()
    {
        var failure = await TestFiles.FailAsync("{\"a\":1}\n{\"a\":\n", "rows.ndjson");

        var error = Assert.Single(failure.Errors);
        Assert.Equal(2L, error.Line);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public async Task ExceptionMessageNamesTheFirstProblem()
    {
        var failure = await TestFiles.FailAsync("a,b\n1\n2\n");

        Assert.Equal(
            "2 problems, the first: test.csv, line 2: this row has 1 fields but the header has 2",
            failure.Message);
    }
}
