using System.Globalization;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

public sealed class LargeFileTests : IDisposable
{
    private const long TargetBytes = 50L * 1024 * 1024;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"labelstudio-import-{Guid.NewGuid():N}.csv");

    [Fact]
    public async Task FiftyMegabyteCsvParsesWithMonotonicProgressEndingAtOne()
    {
        var rowsWritten = WriteLargeCsv();
        var reports = new List<double>();

        ParsedTable table;
        await using (var stream = File.OpenRead(_path))
        {
            table = await TableFileParser.ParseAsync(stream, "big.csv", progress: new SyncProgress(reports));
        }

        Assert.Equal(rowsWritten, table.Rows.Count);
        Assert.Equal(rowsWritten + 1, table.Rows[^1].Line);
        Assert.Equal(1.0, reports[^1]);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.First < pair.Second));
        Assert.InRange(reports.Count, 50, 102);
    }

    public void Dispose() => File.Delete(_path);

    private int WriteLargeCsv()
    {
        using var writer = new StreamWriter(_path);
        writer.WriteLine("Id,Species,Island,Beak,Depth,Flipper,Mass,Sex,Note,Seen");
        var rows = 0;
        while (writer.BaseStream.Position < TargetBytes)
        {
            var mass = (3000 + rows % 3000).ToString(CultureInfo.InvariantCulture);
            writer.Write($"penguin-{rows},Adelie,Torgersen,39.1,18.7,181,{mass},MALE,");
            writer.WriteLine(rows % 10 == 0 ? "\"quoted, with \"\"comma\"\"\",2024-01-02" : "plain note,2024-01-02");
            rows++;
        }

        return rows;
    }
}
