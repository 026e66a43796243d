using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.ImportJobs;

/// <summary>The preview proposes the id and label columns a file names, so answers never become features.</summary>
public sealed class ImportPreviewTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Notes", ["Keep", "Drop"]);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task LabelStudioTasksProposeTheirIdAndLabelColumns()
    {
        const string tasks = """
            [{"id": 1, "data": {"text": "a"}, "annotations": [{"result": [
                {"type": "choices", "value": {"choices": ["Keep"]}}]}]},
             {"id": 2, "data": {"text": "b"}}]
            """;

        var preview = await PreviewAsync("tasks.json", tasks);

        Assert.Equal(("id", "label"), (preview.Proposed.IdColumn, preview.Proposed.LabelColumn));
        Assert.Contains("Label Studio", preview.Proposed.Reason);
    }

    [Fact]
    public async Task CsvColumnHoldingOnlyTheProjectsClassesIsProposedAsTheLabelColumn()
    {
        var preview = await PreviewAsync("notes.csv", "Id,Note,Verdict\nn1,red,keep\nn2,blue,\nn3,green,Drop\n");

        Assert.Equal((null, "Verdict"), (preview.Proposed.IdColumn, preview.Proposed.LabelColumn));
        Assert.Contains("one of the project's classes", preview.Proposed.Reason);
    }

    [Fact]
    public async Task CsvColumnNamedClassWithOtherValuesIsNotProposed()
    {
        var preview = await PreviewAsync("notes.csv", "Id,Note,class\nn1,red,3B\nn2,blue,Keep\n");

        Assert.Equal(ColumnProposal.None, preview.Proposed);
    }

    [Fact]
    public async Task AColumnNamedLikeTheLastImportsLabelColumnIsProposedWithItsMode()
    {
        var plan = new TableImportPlan(["Note"], "Id", "Verdict", LabelMode.HiddenGroundTruth);
        await _database.ImportCsvAsync(_project.Id, "Id,Note,Verdict\nn1,red,Keep\n", plan);

        var preview = await PreviewAsync("more.csv", "Id,Note,verdict\nn2,blue,unsure\n");

        var proposed = preview.Proposed;
        Assert.Equal(
            (null, "verdict", LabelMode.HiddenGroundTruth),
            (proposed.IdColumn, proposed.LabelColumn, proposed.LabelMode));
        Assert.Contains("last import", proposed.Reason);
    }

    private async Task<ImportPreview> PreviewAsync(string fileName, string content)
    {
        var jobs = _database.Get<ImportJobService>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var job = await jobs.UploadAsync(_project.Id, fileName, stream, userId: null, CancellationToken.None);
        var preview = await jobs.PreviewAsync(job.Id, progress: null, CancellationToken.None);
        Assert.Empty(preview.Errors);
        return preview;
    }
}
