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

        Assert.Equal(new ColumnProposal("id", "label"), preview.Proposed);
    }

    [Fact]
    public async Task CsvColumnHoldingOnlyTheProjectsClassesIsProposedAsTheLabelColumn()
    {
        var preview = await PreviewAsync("notes.csv", "Id,Note,Verdict\nn1,red,keep\nn2,blue,\nn3,green,Drop\n");

        Assert.Equal(new ColumnProposal(null, "Verdict"), preview.Proposed);
    }

    [Fact]
    public async Task CsvColumnNamedClassWithOtherValuesIsNotProposed()
    {
        var preview = await PreviewAsync("notes.csv", "Id,Note,class\nn1,red,3B\nn2,blue,Keep\n");

        Assert.Equal(ColumnProposal.None, preview.Proposed);
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
