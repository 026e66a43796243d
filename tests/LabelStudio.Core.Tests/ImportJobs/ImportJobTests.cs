using System.Text;
using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.ImportJobs;

/// <summary>Good files of every supported shape become items with features and a cold-start queue.</summary>
public sealed class ImportJobTests : IAsyncLifetime
{
    private static readonly TableImportPlan NotePlan = new(["Note", "Size"], IdColumn: "Id");

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Notes", ["Keep", "Drop"]);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task QuotedFieldWithANewlineStaysOneValue()
    {
        var csv = "Id,Note,Size\r\nn1,\"first line\r\nsecond, with comma\",3\r\nn2,\"said \"\"hi\"\"\",4\r\n";

        var job = await ImportAsync("notes.csv", Utf8(csv));

        await AssertImportedAsync(job, 2);
        var items = await ItemValuesAsync();
        Assert.Equal("first line\r\nsecond, with comma", items["n1"]["Note"]);
        Assert.Equal("said \"hi\"", items["n2"]["Note"]);
        Assert.Equal("4", items["n2"]["Size"]);
    }

    [Fact]
    public async Task OneRowIsReportedAsOneItem()
    {
        var job = await ImportAsync("notes.csv", Utf8("Id,Note,Size\nn1,alone,1\n"));

        await AssertImportedAsync(job, 1);
        Assert.Equal("Imported 1 item", job.Message);
    }

    [Fact]
    public async Task SemicolonSeparatedFileIsSplitOnSemicolons()
    {
        var csv = "Id;Note;Size\nn1;red, round;2.5\nn2;blue;3\nn3;green;4.25\n";

        var job = await ImportAsync("notes.csv", Utf8(csv));

        await AssertImportedAsync(job, 3);
        var items = await ItemValuesAsync();
        Assert.Equal(("red, round", "2.5"), (items["n1"]["Note"], items["n1"]["Size"]));
        Assert.Equal(["Id", "Note", "Size"], await ColumnNamesAsync());
    }

    [Fact]
    public async Task Windows1252FileKeepsItsAccents()
    {
        var text = "Id,Note,Size\nn1,Zürich café,1\nn2,Ñandú élan,2\nn3,naïve façade,3\n";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

        var job = await ImportAsync("notes.csv", bytes);

        await AssertImportedAsync(job, 3);
        var items = await ItemValuesAsync();
        Assert.Equal(["Zürich café", "Ñandú élan", "naïve façade"], items.Values.Select(v => v["Note"]));
    }

    [Fact]
    public async Task ByteOrderMarkIsNotPartOfTheFirstColumnName()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Utf8("Id,Note,Size\nn1,a,1\nn2,b,2\n")];

        var job = await ImportAsync("notes.csv", bytes);

        await AssertImportedAsync(job, 2);
        Assert.Equal(["Id", "Note", "Size"], await ColumnNamesAsync());
        Assert.Equal(["n1", "n2"], (await ItemValuesAsync()).Keys);
    }

    [Fact]
    public async Task JsonLinesFileImports()
    {
        var jsonl = """
            {"Id": "n1", "Note": "plain", "Size": 1.5}
            {"Id": "n2", "Note": "with \"quotes\" and 🐧", "Size": 2}
            {"Id": "n3", "Note": null, "Size": 3}
            """;

        var job = await ImportAsync("notes.jsonl", Utf8(jsonl));

        await AssertImportedAsync(job, 3);
        var items = await ItemValuesAsync();
        Assert.Equal(("with \"quotes\" and 🐧", "2"), (items["n2"]["Note"], items["n2"]["Size"]));
        Assert.Null(items["n3"]["Note"]);
    }

    [Fact]
    public async Task SecondFileWithTheSameFeaturesAppendsItems()
    {
        await ImportAsync("first.csv", Utf8("Id,Note,Size\nn1,a,1\nn2,b,2\n"));

        var job = await ImportAsync("second.csv", Utf8("Note,Size,Id\nc,3,n3\nd,40,n4\ne,5,n5\n"));

        await AssertImportedAsync(job, 3);
        await using var db = await _database.ContextAsync();
        var items = await db.Items.Where(i => i.ProjectId == _project.Id).OrderBy(i => i.Ordinal).ToListAsync();
        Assert.Equal(["n1", "n2", "n3", "n4", "n5"], items.Select(i => i.ExternalId));
        Assert.Equal([0, 1, 2, 3, 4], items.Select(i => i.Ordinal));
        var vectorLengths = await db.ItemFeatures.Where(f => f.ProjectId == _project.Id)
            .Select(f => f.Vector.Length)
            .ToListAsync();
        Assert.Equal(5, vectorLengths.Count);
        Assert.Single(vectorLengths.Distinct());
    }

    [Fact]
    public async Task SecondFileWithoutIdsNumbersItsRowsAfterTheFirst()
    {
        var plan = NotePlan with { IdColumn = null };
        await ImportAsync("first.csv", Utf8("Note,Size\na,1\nb,2\n"), plan);

        var job = await ImportAsync("second.csv", Utf8("Note,Size\nc,3\nd,4\n"), plan);

        await AssertImportedAsync(job, 2);
        Assert.Equal(["row-1", "row-2", "row-3", "row-4"], (await ItemValuesAsync()).Keys);
    }

    [Fact]
    public async Task FileIntoAProjectWithAModelIsQueuedBehindTheRankedItemsAndAsksForARetrain()
    {
        var rows = Enumerable.Range(1, 12).Select(i => $"n{i},w{i % 3},{i},{(i <= 6 ? "Keep" : "Drop")}");
        var labeled = "Id,Note,Size,Kind\n" + string.Join('\n', rows);
        await ImportAsync("labeled.csv", Utf8(labeled), NotePlan with { LabelColumn = "Kind" });
        await _database.Get<TrainingScheduler>().RequestAsync(_project.Id, CancellationToken.None);
        var model = await _database.Get<TrainingRunner>().RunIfDueAsync(_project.Id, CancellationToken.None);

        await ImportAsync("more.csv", Utf8("Id,Note,Size\nu1,w1,2\nu2,w2,11\n"));

        await using var db = await _database.ContextAsync();
        var ranks = await db.ItemRanks.Where(r => r.ProjectId == _project.Id)
            .OrderBy(r => r.Rank)
            .Join(db.Items, r => r.ItemId, i => i.Id, (r, i) => new { i.ExternalId, r.ModelVersion })
            .ToListAsync();
        Assert.Equal(1, model?.Version);
        Assert.Equal(["u1", "u2"], ranks.Select(r => r.ExternalId));
        Assert.All(ranks, r => Assert.Equal(1, r.ModelVersion));
        var state = await _database.TrainingStateAsync(_project.Id);
        Assert.True(state.RequestSerial > state.CompletedSerial, "New items should ask the model to rank them.");
    }

    [Fact]
    public async Task WorkerRunsAStartedImport()
    {
        await using var hosted = await TestDatabase.CreateAsync(withWorkers: true);
        var project = await hosted.CreateProjectAsync("Hosted", ["Keep", "Drop"]);
        var jobs = hosted.Get<ImportJobService>();
        using var upload = new MemoryStream(Utf8("Id,Note,Size\nn1,a,1\nn2,b,2\n"));
        var uploaded = await jobs.UploadAsync(project.Id, "notes.csv", upload, userId: null, CancellationToken.None);

        await jobs.StartAsync(uploaded.Id, new ImportRequest(NotePlan, false), CancellationToken.None);

        var done = await Eventually.WaitForAsync(async () =>
        {
            var job = await jobs.GetAsync(uploaded.Id, CancellationToken.None);
            return job?.Status is JobStatus.Succeeded or JobStatus.Failed ? job : null;
        }, TimeSpan.FromSeconds(30), "the import worker");
        Assert.Equal((JobStatus.Succeeded, 2, "Imported 2 items"), (done.Status, done.ImportedCount, done.Message));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Task<ImportJob> ImportAsync(string fileName, byte[] content, TableImportPlan? plan = null) =>
        _database.ImportAsync(_project.Id, fileName, content, new ImportRequest(plan ?? NotePlan, false));

    /// <summary>The job succeeded; every item has features, every unlabeled one a cold-start place.</summary>
    private async Task AssertImportedAsync(ImportJob job, int imported)
    {
        Assert.Equal((JobStatus.Succeeded, imported, null), (job.Status, job.ImportedCount, job.ErrorsJson));
        await using var db = await _database.ContextAsync();
        var items = await db.Items.Where(i => i.ProjectId == _project.Id).Select(i => i.Id).ToListAsync();
        var featured = await db.ItemFeatures.Where(f => f.ProjectId == _project.Id).Select(f => f.ItemId).ToListAsync();
        var ranks = await _database.RanksAsync(_project.Id);
        Assert.Equal(items.Order(), featured.Order());
        Assert.Equal(items.Order(), ranks.Select(r => r.ItemId).Order());
        Assert.Equal(Enumerable.Range(0, items.Count), ranks.Select(r => r.Rank));
        Assert.All(ranks, r => Assert.Equal(0, r.ModelVersion));
    }

    /// <summary>Each item's original values by its id, in file order.</summary>
    private async Task<Dictionary<string, Dictionary<string, string?>>> ItemValuesAsync()
    {
        await using var db = await _database.ContextAsync();
        var items = await db.Items.Where(i => i.ProjectId == _project.Id).OrderBy(i => i.Ordinal).ToListAsync();
        return items.ToDictionary(
            i => i.ExternalId,
            i => JsonSerializer.Deserialize<Dictionary<string, string?>>(i.DataJson)!);
    }

    private async Task<List<string>> ColumnNamesAsync()
    {
        await using var db = await _database.ContextAsync();
        var json = await db.Projects.Where(p => p.Id == _project.Id).Select(p => p.ColumnsJson).SingleAsync();
        return [.. ProjectColumns.Parse(json).Select(c => c.Name)];
    }
}
