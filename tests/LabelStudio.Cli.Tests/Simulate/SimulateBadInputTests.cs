namespace LabelStudio.Cli.Tests.Simulate;

public sealed class SimulateBadInputTests
{
    [Theory]
    [InlineData("--batch", "0", "--batch must be at least 1")]
    [InlineData("--seed-size", "twenty", "--seed-size takes a whole number, not 'twenty'")]
    [InlineData("--rounds", "-1", "--rounds must be at least 0")]
    [InlineData("--strategy", "margin,smart", "Unknown query strategy 'smart'")]
    [InlineData("--test-fraction", "1.5", "--test-fraction must be a number between 0 and 1")]
    [InlineData("--test-fraction", "0", "--test-fraction must be a number between 0 and 1")]
    [InlineData("--seeds", "0,x", "--seeds takes whole numbers")]
    [InlineData("--features", "Island,Wing Span", "no column 'Wing Span' for --features")]
    [InlineData("--features", "Island,Species", "the label column 'Species' cannot also be a feature")]
    [InlineData("--id-column", "Name", "no column 'Name' for --id-column")]
    [InlineData("--colour", "blue", "Unrecognized command or argument '--colour'")]
    public async Task BadOptionValueFailsWithExitCodeTwoAndOneLineNamingIt(string option, string value, string problem)
    {
        var run = await CliRun.RunAsync(
            "simulate", "--input", CliRun.Penguins, "--label-column", "Species", option, value);

        AssertBadInput(run, problem);
    }

    [Fact]
    public async Task MissingRequiredOptionsAreNamed()
    {
        var run = await CliRun.RunAsync("simulate", "--input", CliRun.Penguins);

        AssertBadInput(run, "Option '--label-column' is required");
    }

    [Fact]
    public async Task MissingInputFileIsNamed()
    {
        using var folder = new TempFolder();
        var missing = folder.File("nowhere.csv");

        var run = await CliRun.RunAsync("simulate", "--input", missing, "--label-column", "Species");

        AssertBadInput(run, $"{missing}: no such file");
    }

    [Fact]
    public async Task UnknownLabelColumnIsNamedWithTheColumnsTheFileHas()
    {
        var run = await CliRun.RunAsync("simulate", "--input", CliRun.Penguins, "--label-column", "Genus");

        AssertBadInput(
            run, $"{CliRun.Penguins}: no column 'Genus' for --label-column; the columns are 'Id', 'Species', ");
    }

    [Fact]
    public async Task LabelColumnInTheWrongCaseGetsASuggestion()
    {
        var run = await CliRun.RunAsync("simulate", "--input", CliRun.Penguins, "--label-column", "species");

        AssertBadInput(run, "no column 'species' for --label-column; did you mean 'Species'?");
    }

    [Fact]
    public async Task FileWithASingleClassIsRefused()
    {
        using var folder = new TempFolder();
        var lines = await File.ReadAllLinesAsync(CliRun.Penguins);
        var adelie = lines.Where((line, i) => i == 0 || line.Split(',')[1] == "Adelie").ToArray();
        var input = folder.Write("adelie.csv", string.Join('\n', adelie));

        var run = await CliRun.RunAsync("simulate", "--input", input, "--label-column", "Species");

        var rows = adelie.Length - 1;
        AssertBadInput(run, $"{input}, column 'Species': only one class ('Adelie') among {rows} labeled rows");
    }

    [Fact]
    public async Task RaggedRowIsReportedWithItsLine()
    {
        using var folder = new TempFolder();
        var input = folder.Write("ragged.csv", "x,y,label\n1,2,a\n3,b\n5,6,b\n");

        var run = await CliRun.RunAsync("simulate", "--input", input, "--label-column", "label");

        AssertBadInput(run, $"{input}, line 3: ");
    }

    [Fact]
    public async Task JsonFileInAMissingFolderIsRefusedBeforeAnyTraining()
    {
        using var folder = new TempFolder();
        var json = Path.Combine(folder.Path, "no-such-folder", "curves.json");

        var run = await CliRun.RunAsync(
            "simulate", "--input", CliRun.Penguins, "--label-column", "Species", "--json", json);

        AssertBadInput(run, $"{json}: the folder does not exist");
    }

    private static void AssertBadInput(CliRun run, string problem)
    {
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("labelstudio: ", line);
        Assert.Contains(problem, line);
        Assert.Equal(string.Empty, run.Output);
    }
}
