using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

public sealed class CsvTokenizerTests
{
    private const string Tricky =
        "a,\"b\"\"c\",d\r\n\"multi\r\nline\",,\"x\"y\r\n\r\n1,2,3\r4,\"5\n\",6\n\"\"\"\",\"\",last";

    [Fact]
    public void TrickyTextGivesTheExpectedRecordsAndLines()
    {
        var records = Tokenize([Tricky]);

        Assert.Equal(
            ["1:a|b\"c|d", "2:multi\r\nline|~|xy", "5:1|2|3", "6:4|5\n|6", "8:\"|~|last"],
            records);
    }

    [Fact]
    public void SplittingTheTextAnywhereGivesTheSameRecords()
    {
        var whole = Tokenize([Tricky]);

        var splits = Enumerable.Range(0, Tricky.Length + 1).Select(i => Tokenize([Tricky[..i], Tricky[i..]]));
        var chunked = Enumerable.Range(1, 5).Select(size => Tokenize(Tricky.Chunk(size).Select(c => new string(c))));

        Assert.All(splits.Concat(chunked), records => Assert.Equal(whole, records));
    }

    [Fact]
    public void WithoutDelimiterEachLineIsOneField()
    {
        var records = Tokenize(["text\nhello, world; again\n\"quoted\nline\"\n"], delimiter: null);

        Assert.Equal(["1:text", "2:hello, world; again", "3:quoted\nline"], records);
    }

    private static List<string> Tokenize(IEnumerable<string> pieces, char? delimiter = ',')
    {
        var records = new List<string>();
        var tokenizer = new CsvTokenizer(delimiter, (line, fields) =>
            records.Add($"{line}:{string.Join('|', fields.Select(f => f ?? "~"))}"));
        foreach (var piece in pieces)
        {
            tokenizer.Feed(piece);
        }

        tokenizer.Complete();
        return records;
    }
}
