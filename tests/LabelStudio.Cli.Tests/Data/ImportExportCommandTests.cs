using System.IO.Compression;
using System.Text.Json;

namespace LabelStudio.Cli.Tests.Data;

/// <summary>`import` and `export` against a real data directory, as a data scientist runs them.</summary>
public sealed class ImportExportCommandTests : IDisposable
{
    private const string Tasks = """
        [
        {"id": 1, "data": {"text": "great", "stars": 5},
         "annotations": [{"result": [{"type": "choices", "value": {"choices": ["pos"]}}]}]},
        {"id": 2, "data": {"text": "awful", "stars": 1},
         "annotations": [{"result": [{"type": "choices", "value": {"choices": ["neg"]}}]}]},
        {"id": 3, "data": {"text": "fine", "stars": 4}}
        ]
        """;

    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task LabelStudioExportImportsIntoANewProjectAndExportsAsParquetPackage()
    {
        var data = Directory.CreateDirectory(_folder.File("data")).FullName;
        var tasks = _folder.Write("tasks.json", Tasks);
        var zip = _folder.File("out.zip");

        var imported = await CliRun.RunAsync(
            "import", "--data-dir", data, "--file", tasks, "--new-project", "Reviews");
        var exported = await CliRun.RunAsync(
            "export", "--data-dir", data, "--project", "reviews", "--format", "parquet", "--output", zip);

        Assert.Equal((0, ""), (imported.ExitCode, imported.Error));
        Assert.Equal((0, ""), (exported.ExitCode, exported.Error));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(
            ["classes.json", "labels.parquet", "manifest.json"], archive.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        Assert.Equal(2, manifest.RootElement.GetProperty("counts").GetProperty("rows").GetInt32());
        Assert.Equal("Reviews", manifest.RootElement.GetProperty("projectName").GetString());
    }

    [Fact]
    public async Task AnUnknownClassIsRefusedNamingTheFileAndColumnAndNothingIsImported()
    {
        var data = Directory.CreateDirectory(_folder.File("data")).FullName;
        var good = _folder.Write("good.csv", "id,mass,species\na,1,x\nb,2,y\n");
        var bad = _folder.Write("bad.csv", "id,mass,species\nc,3,x\nd,4,zebra\n");
        await CliRun.RunAsync("import", "--data-dir", data, "--file", good, "--new-project", "Birds",
            "--id-column", "id", "--label-column", "species", "--features", "mass");

        var run = await CliRun.RunAsync("import", "--data-dir", data, "--file", bad, "--project", "Birds",
            "--id-column", "id", "--label-column", "species", "--features", "mass");
        var export = await CliRun.RunAsync(
            "export", "--data-dir", data, "--project", "Birds", "--output", _folder.File("birds.zip"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("bad.csv", run.Error);
        Assert.Contains("'species'", run.Error);
        Assert.Contains("zebra", run.Error);
        Assert.Contains("2 rows", export.Output);
    }

    [Fact]
    public async Task UnknownProjectAndColumnAreNamedInOneLine()
    {
        var data = Directory.CreateDirectory(_folder.File("data")).FullName;
        var file = _folder.Write("t.csv", "id,mass\na,1\n");

        var project = await CliRun.RunAsync(
            "export", "--data-dir", data, "--project", "Nope", "--output", _folder.File("x.zip"));
        var column = await CliRun.RunAsync(
            "import", "--data-dir", data, "--file", file, "--project", "1", "--label-column", "kind");

        Assert.Equal(ExitCodes.BadInput, project.ExitCode);
        Assert.Equal("labelstudio: --project: no project 'Nope'; projects here: none", project.ErrorLines.Single());
        Assert.Equal(ExitCodes.BadInput, column.ExitCode);
        Assert.StartsWith("labelstudio: --label-column: ", column.Error);
        Assert.Contains("has no column 'kind'; its columns: id, mass", column.Error);
    }

    [Fact]
    public async Task ASingleTaskObjectImportsAsOneItem()
    {
        var data = Directory.CreateDirectory(_folder.File("data")).FullName;
        var task = _folder.Write("task.json", """
            {"id": 9, "data": {"text": "alone", "stars": 3}, "annotations": [{"result": [
                {"type": "choices", "value": {"choices": ["pos"]}}]}]}
            """);

        await CliRun.RunAsync("import", "--data-dir", data, "--file", _folder.Write("tasks.json", Tasks),
            "--new-project", "Reviews");

        var run = await CliRun.RunAsync("import", "--data-dir", data, "--file", task, "--project", "Reviews");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.EndsWith("task.json: imported 1 item into project 1", run.OutputLines.Last());
    }

    [Fact]
    public async Task ABadFileForANewProjectLeavesNoProjectBehind()
    {
        var data = Directory.CreateDirectory(_folder.File("data")).FullName;
        var file = _folder.Write("twice.csv", "id,mass,species\na,1,x\na,2,y\n");

        var run = await CliRun.RunAsync("import", "--data-dir", data, "--file", file, "--new-project", "Twice",
            "--id-column", "id", "--label-column", "species");
        var export = await CliRun.RunAsync(
            "export", "--data-dir", data, "--project", "Twice", "--output", _folder.File("t.zip"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("twice.csv, line 3, column 'id'", run.Error);
        Assert.Equal("labelstudio: --project: no project 'Twice'; projects here: none", export.ErrorLines.Single());
    }
}
