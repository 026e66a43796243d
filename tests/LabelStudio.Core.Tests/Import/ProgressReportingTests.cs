using System.Text;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

public sealed class ProgressReportingTests
{
    [Fact]
    public async Task JsonLinesFromAForwardOnlyUploadReportProgressWhenTheSizeIsGiven()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"{{\"id\":{i},\"note\":\"row {i}\"}}");
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var reports = new List<double>();
        using var upload = new ForwardOnlyStream(bytes);
        var options = new TableParseOptions { TotalBytes = bytes.Length };

        var table = await TableFileParser.ParseAsync(upload, "rows.jsonl", options, new SyncProgress(reports));

        Assert.Equal(20_000, table.Rows.Count);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Count > 2, "expected intermediate reports");
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.First < pair.Second));
    }

    [Fact]
    public async Task UnknownSizeReportsOnlyCompletion()
    {
        var reports = new List<double>();
        using var upload = new ForwardOnlyStream(Encoding.UTF8.GetBytes("a,b\n1,2\n"));

        await TableFileParser.ParseAsync(upload, "small.csv", progress: new SyncProgress(reports));

        Assert.Equal([1.0], reports);
    }
}

/// <summary>Records reports on the calling thread, unlike Progress&lt;T&gt;, so their order is kept.</summary>
internal sealed class SyncProgress(List<double> reports) : IProgress<double>
{
    public void Report(double value) => reports.Add(value);
}
