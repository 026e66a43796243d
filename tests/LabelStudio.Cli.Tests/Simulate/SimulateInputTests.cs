using System.Text.Json;

namespace LabelStudio.Cli.Tests.Simulate;

public sealed class SimulateInputTests
{
    private static readonly string[] Quick =
        ["--label-column", "Species", "--seed-size", "10", "--batch", "10", "--rounds", "2"];

    [Fact]
    public async Task TabSeparatedAndJsonLinesCopiesGiveTheSameCurvesAsTheCsv()
    {
        using var folder = new TempFolder();
        var lines = await File.ReadAllLinesAsync(CliRun.Penguins);
        var tsv = folder.Write("penguins.tsv", string.Join('\n', lines.Select(l => l.Replace(',', '\t'))));
        var jsonl = folder.Write("penguins.jsonl", JsonLines(lines));

        var fromCsv = await CurvesAsync(folder, CliRun.Penguins);
        var fromTsv = await CurvesAsync(folder, tsv);
        var fromJsonl = await CurvesAsync(folder, jsonl);

        Assert.Equal(fromCsv, fromTsv);
        Assert.Equal(fromCsv, fromJsonl);
    }

    [Fact]
    public async Task RowsWithoutALabelAreDroppedAndCounted()
    {
        using var folder = new TempFolder();
        var lines = await File.ReadAllLinesAsync(CliRun.Penguins);
        var blanked = lines.Select((line, i) => i > 0 && i % 10 == 0 ? BlankSecondField(line) : line).ToArray();
        var dropped = blanked.Skip(1).Count(line => line.Split(',')[1].Length == 0);
        var input = folder.Write("some-unlabeled.csv", string.Join('\n', blanked));

        var run = await CliRun.RunAsync(["simulate", "--input", input, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        var kept = lines.Length - 1 - dropped;
        var expected = $"{input}: {kept} rows with a label in 'Species', {dropped} without one dropped";
        Assert.Contains(expected, run.OutputLines);
    }

    [Fact]
    public async Task IdColumnIsDetectedByNameAndLeftOutOfTheFeatures()
    {
        var run = await CliRun.RunAsync(["simulate", "--input", CliRun.Penguins, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutputLines, line => line.StartsWith("id column: Id (detected", StringComparison.Ordinal));
        var features = run.OutputLines.Single(line => line.StartsWith("features (", StringComparison.Ordinal));
        Assert.StartsWith("features (6): Island (category), Beak Length (mm) (number)", features);
        Assert.DoesNotContain("Id (", features);
    }

    [Fact]
    public async Task ColumnNamedIdWhoseValuesRepeatStaysAFeature()
    {
        using var folder = new TempFolder();
        var lines = await File.ReadAllLinesAsync(CliRun.Penguins);
        var island = lines.Select((line, i) => i == 0 ? line : ReplaceFirstField(line, line.Split(',')[2]));
        var input = folder.Write("island-as-id.csv", string.Join('\n', island));

        var run = await CliRun.RunAsync(["simulate", "--input", input, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.OutputLines, line => line.StartsWith("id column:", StringComparison.Ordinal));
        var features = run.OutputLines.Single(line => line.StartsWith("features (", StringComparison.Ordinal));
        Assert.StartsWith("features (7): Id (category), ", features);
    }

    [Fact]
    public async Task FeaturesOptionUsesExactlyTheNamedColumns()
    {
        var run = await CliRun.RunAsync(
            ["simulate", "--input", CliRun.Penguins, .. Quick, "--features", "Beak Length (mm), Flipper Length (mm)"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("features (2): Beak Length (mm) (number), Flipper Length (mm) (number)", run.OutputLines);
    }

    [Fact]
    public async Task IdColumnOptionLeavesThatColumnOutInsteadOfTheDetectedOne()
    {
        var run = await CliRun.RunAsync(["simulate", "--input", CliRun.Penguins, .. Quick, "--id-column", "Sex"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("id column: Sex (--id-column; not a feature)", run.OutputLines);
        var features = run.OutputLines.Single(line => line.StartsWith("features (", StringComparison.Ordinal));
        Assert.StartsWith("features (6): Id (text), Island (category)", features);
        Assert.DoesNotContain("Sex (", features);
    }

    private static async Task<string> CurvesAsync(TempFolder folder, string input)
    {
        var json = folder.File(Path.GetFileName(input) + ".json");
        var run = await CliRun.RunAsync(["simulate", "--input", input, .. Quick, "--seeds", "0,1", "--json", json]);
        Assert.True(run.ExitCode == 0, run.Error);
        return await File.ReadAllTextAsync(json);
    }

    /// <summary>Every value as a JSON string and empty cells as null.</summary>
    private static string JsonLines(string[] csvLines)
    {
        var header = csvLines[0].Split(',');
        var rows = csvLines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            var row = header.Select((name, i) => (name, value: cells[i].Length == 0 ? null : cells[i]))
                .ToDictionary(c => c.name, c => c.value);
            return JsonSerializer.Serialize(row);
        });
        return string.Join('\n', rows);
    }

    private static string ReplaceFirstField(string line, string value) => value + line[line.IndexOf(',')..];

    private static string BlankSecondField(string line)
    {
        var cells = line.Split(',');
        cells[1] = string.Empty;
        return string.Join(',', cells);
    }
}
