using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.ImportJobs;

/// <summary>A bad file fails its job with errors that say where, and writes nothing at all.</summary>
public sealed class ImportRejectionTests : IAsyncLifetime
{
    private static readonly TableImportPlan BirdPlan = new(["Mass", "Island"], IdColumn: "Id", LabelColumn: "Species");

    private TestDatabase _database = null!;
    private Project _project = null!;
    private string _empty = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Birds", ["Adelie", "Gentoo"]);
        _empty = await ProjectSnapshot.TakeAsync(_database, _project.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EmptyFileIsRejected()
    {
        var job = await ImportAsync("");

        await AssertRejectedAsync(job, "birds.csv: the file is empty");
    }

    [Fact]
    public async Task HeaderOnlyFileIsRejectedAtItsHeaderLine()
    {
        var job = await ImportAsync("Id,Mass,Island,Species\n");

        await AssertRejectedAsync(job, "birds.csv, line 1: the file has a header but no data rows");
    }

    [Fact]
    public async Task RaggedRowsAreRejectedEachByItsLine()
    {
        var job = await ImportAsync("""
            Id,Mass,Island,Species
            b1,3.5,Dream,Adelie
            b2,4.1,Biscoe
            b3,5.0,Biscoe,Gentoo
            b4
            """);

        var errors = await AssertRejectedAsync(job, "2 problems found; nothing was imported.");
        Assert.Equal(
            [
                "birds.csv, line 3: this row has 3 fields but the header has 4",
                "birds.csv, line 5: this row has 1 fields but the header has 4",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task DuplicateHeaderNamesAreRejectedNamingTheColumn()
    {
        var job = await ImportAsync("Id,Mass,Island,mass,Species\nb1,3.5,Dream,3.6,Adelie\n");

        await AssertRejectedAsync(job,
            "birds.csv, line 1, column 'mass': column 4 repeats the name of column 2 ('Mass'); "
            + "names must differ, ignoring case");
    }

    [Fact]
    public async Task PlanWithoutAFeatureColumnIsRejected()
    {
        var noFeatures = BirdPlan with { FeatureColumns = [] };

        var job = await ImportAsync("Id,Mass,Island,Species\nb1,3.5,Dream,Adelie\n", noFeatures);

        await AssertRejectedAsync(job,
            "birds.csv: no feature column is chosen; choose at least one column to learn from");
    }

    [Fact]
    public async Task LabelTheProjectLacksIsRejectedAtItsFirstLine()
    {
        var job = await ImportAsync("""
            Id,Mass,Island,Species
            b1,3.5,Dream,Adelie
            b2,3.9,Dream,Chinstrap
            b3,5.1,Biscoe,Gentoo
            b4,3.7,Dream,Chinstrap
            """);

        await AssertRejectedAsync(job,
            "birds.csv, line 3, column 'Species': 'Chinstrap' is not one of the project's classes (2 rows)");
    }

    [Fact]
    public async Task LabelsMatchTheProjectsClassesWhateverTheirCase()
    {
        const string csv = """
            Id,Mass,Island,Species
            b1,3.5,Dream,adelie
            b2,5.1,Biscoe,GENTOO
            b3,3.7,Dream,Chinstrap
            b4,3.6,Dream,chinstrap
            """;

        var job = await _database.ImportCsvAsync(_project.Id, csv, BirdPlan, addMissingClasses: true);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var classes = await db.LabelClasses.Where(c => c.ProjectId == _project.Id).OrderBy(c => c.Ordinal)
            .Select(c => c.Name).ToListAsync();
        Assert.Equal(["Adelie", "Gentoo", "Chinstrap"], classes);
        var labeled = await db.Items.Where(i => i.ProjectId == _project.Id)
            .Join(db.LabelClasses, i => i.CurrentClassId, c => c.Id, (i, c) => c.Name)
            .ToListAsync();
        Assert.Equal(["Adelie", "Chinstrap", "Chinstrap", "Gentoo"], labeled.Order());
    }

    [Fact]
    public async Task LabelTheProjectLacksBecomesAClassWhenAskedTo()
    {
        const string csv = """
            Id,Mass,Island,Species
            b1,3.5,Dream,Adelie
            b2,3.9,Dream,Chinstrap
            b3,5.1,Biscoe,
            b4,3.7,Dream, Chinstrap
            """;

        var job = await _database.ImportCsvAsync(_project.Id, csv, BirdPlan, addMissingClasses: true);

        Assert.Equal((JobStatus.Succeeded, 4), (job.Status, job.ImportedCount));
        await using var db = await _database.ContextAsync();
        var classes = await db.LabelClasses.Where(c => c.ProjectId == _project.Id)
            .OrderBy(c => c.Ordinal)
            .ToListAsync();
        Assert.Equal(["Adelie", "Gentoo", "Chinstrap"], classes.Select(c => c.Name));
        Assert.Equal(["1", "2", "3"], classes.Select(c => c.Hotkey));
        var classNames = classes.ToDictionary(c => c.Id, c => c.Name);
        var items = await db.Items.Where(i => i.ProjectId == _project.Id).OrderBy(i => i.Ordinal).ToListAsync();
        Assert.Equal(
            ["b1:Adelie", "b2:Chinstrap", "b3:", "b4:Chinstrap"],
            items.Select(i => $"{i.ExternalId}:{(i.CurrentClassId is { } id ? classNames[id] : "")}"));
        var events = await db.LabelEvents.Where(e => e.ProjectId == _project.Id).ToListAsync();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(("", LabelEventKind.Label), (e.UserId, e.Kind)));
        var ranks = await _database.RanksAsync(_project.Id);
        Assert.Equal(await _database.UnlabeledItemsAsync(_project.Id), ranks.Select(r => r.ItemId));
    }

    [Fact]
    public async Task FileWithOtherFeatureColumnsThanTheProjectsItemsIsRejected()
    {
        await ImportAsync("Id,Mass,Island,Species\nb1,3.5,Dream,Adelie\nb2,5.2,Biscoe,Gentoo\n");
        var before = await ProjectSnapshot.TakeAsync(_database, _project.Id);
        var otherPlan = BirdPlan with { FeatureColumns = ["Mass", "Beak"] };

        var job = await ImportAsync("Id,Mass,Beak,Species\nb3,3.5,39.1,Adelie\n", otherPlan);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(
            "birds.csv: The project's items use the feature columns 'Island', 'Mass'; "
            + "choose the same columns for this file.",
            job.Message);
        Assert.Equal(before, await ProjectSnapshot.TakeAsync(_database, _project.Id));
    }

    [Fact]
    public async Task BadSecondFileLeavesTheFirstFilesItemsAsTheyWere()
    {
        await ImportAsync("Id,Mass,Island,Species\nb1,3.5,Dream,Adelie\nb2,5.2,Biscoe,Gentoo\n");
        var before = await ProjectSnapshot.TakeAsync(_database, _project.Id);

        var job = await ImportAsync("Id,Mass,Island,Species\nb3,3.5,Dream,Adelie\nb1,4.0,Torgersen,Adelie\n");

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(
            "birds.csv, line 3, column 'Id': The id 'b1' is already used by an item of this project.",
            job.Message);
        Assert.Equal(before, await ProjectSnapshot.TakeAsync(_database, _project.Id));
    }

    [Fact]
    public async Task ZipArchiveSentAsAnApiClientWouldIsRefusedByNameAndImportsNothing()
    {
        var request = new ImportRequest(new TableImportPlan([], null, null), false, FeaturesFromFile: true);
        byte[] zip = [.. "PK\u0003\u0004"u8, .. Enumerable.Repeat((byte)'x', 5000)];

        var job = await _database.ImportAsync(_project.Id, "good.zip", zip, request);

        Assert.Equal((JobStatus.Failed, 0), (job.Status, job.ImportedCount));
        Assert.StartsWith("good.zip: this is a ZIP archive, not a text table; table projects take CSV", job.Message);
        Assert.Equal(_empty, await ProjectSnapshot.TakeAsync(_database, _project.Id));
    }

    private Task<ImportJob> ImportAsync(string csv, TableImportPlan? plan = null) =>
        _database.ImportCsvAsync(_project.Id, csv, plan ?? BirdPlan, fileName: "birds.csv");

    private async Task<List<ImportError>> AssertRejectedAsync(ImportJob job, string message)
    {
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(message, job.Message);
        Assert.Equal(0, job.ImportedCount);
        Assert.NotNull(job.CompletedAt);
        Assert.Equal(_empty, await ProjectSnapshot.TakeAsync(_database, _project.Id));

        var errors = JsonSerializer.Deserialize<List<ImportError>>(job.ErrorsJson!)!;
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("birds.csv", e.FileName));
        return errors;
    }
}
