using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Export;

/// <summary>Which rows an export holds: scope, skips and minimum agreement over several annotators.</summary>
public sealed class ExportSelectionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;
    private List<int> _classes = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Selection", ["Cat", "Dog"]);
        var csv = "Id,Mass\nunanimous,1\nsplit,2\nmajority,3\nskipped,4\nuntouched,5\n";
        await _database.ImportCsvAsync(_project.Id, csv, new TableImportPlan(["Mass"], IdColumn: "Id"));
        _classes = await _database.ClassIdsAsync(_project.Id);
        await _database.SetOverlapAsync(_project.Id, 3);

        // Three annotators: all say Cat on 'unanimous'; 'split' is Cat, Dog, then Dog last;
        // 'majority' gets Dog twice then Cat from carol, who first said Dog and relabels to Cat.
        await LabelAsync("alice", "unanimous", Cat);
        await LabelAsync("bob", "unanimous", Cat);
        await LabelAsync("carol", "unanimous", Cat);
        await LabelAsync("alice", "split", Cat);
        await LabelAsync("bob", "split", Dog);
        await LabelAsync("alice", "majority", Dog);
        await LabelAsync("bob", "majority", Dog);
        await LabelAsync("carol", "majority", Cat);
        await LabelAsync("carol", "majority", Dog);
        await new Annotator(_database, _project.Id, "alice").SkipAsync(await ItemAsync("skipped"));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private int Cat => _classes[0];

    private int Dog => _classes[1];

    [Fact]
    public async Task FinalLabelsHoldOneRowPerItemWithAFinalLabelAndItsAgreement()
    {
        var rows = await ExportAsync(new ExportOptions(ExportFormat.JsonLines));

        // 'split' is a 1–1 tie: disputed, it has no final label until a lead reviews it.
        Assert.Equal(
            [("unanimous", "Cat", 1.0, 3), ("majority", "Dog", 1.0, 3)],
            rows.Select(r => (Id(r), Label(r), r.GetProperty("agreement").GetDouble(),
                r.GetProperty("annotators").GetInt32())));
    }

    [Fact]
    public async Task MinimumAgreementDropsItemsWhereTooFewAnnotatorsShareTheCurrentLabel()
    {
        var rows = await ExportAsync(new ExportOptions(ExportFormat.JsonLines, MinimumAgreement: 0.6));

        Assert.Equal(["unanimous", "majority"], rows.Select(Id));
    }

    [Fact]
    public async Task AllEventsHoldEveryDecisionOldestFirstAndTheAgreementFilterDropsWholeItems()
    {
        var every = await ExportAsync(new ExportOptions(ExportFormat.JsonLines, ExportScope.AllEvents));
        var agreed = await ExportAsync(
            new ExportOptions(ExportFormat.JsonLines, ExportScope.AllEvents, MinimumAgreement: 0.6));

        Assert.Equal(
            [
                ("unanimous", "Cat", "alice"), ("unanimous", "Cat", "bob"), ("unanimous", "Cat", "carol"),
                ("split", "Cat", "alice"), ("split", "Dog", "bob"),
                ("majority", "Dog", "alice"), ("majority", "Dog", "bob"), ("majority", "Cat", "carol"),
                ("majority", "Dog", "carol"),
            ],
            every.Select(r => (Id(r), Label(r), r.GetProperty("annotator").GetString())));
        Assert.Equal(7, agreed.Count);
        Assert.DoesNotContain(agreed, r => Id(r) == "split");
    }

    [Fact]
    public async Task SkipsAppearOnlyWhenAskedFor()
    {
        var without = await ExportAsync(new ExportOptions(ExportFormat.JsonLines));
        var with = await ExportAsync(new ExportOptions(ExportFormat.JsonLines, IncludeSkipped: true));

        Assert.DoesNotContain(without, r => Id(r) == "skipped");
        var skipped = Assert.Single(with, r => Id(r) == "skipped");
        Assert.True(skipped.GetProperty("skipped").GetBoolean());
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("label").ValueKind);
        Assert.DoesNotContain(with, r => Id(r) == "untouched");
    }

    [Fact]
    public async Task ManifestCountsWhatWasExported()
    {
        var package = await _database.ExportAsync(
            _project.Id, new ExportOptions(ExportFormat.Csv, ExportScope.AllEvents, IncludeSkipped: true));

        Assert.Equal(new ExportCounts(Rows: 10, Items: 4, Labels: 9, Skips: 1), package.Manifest.Counts);
    }

    [Fact]
    public async Task AFinishedExportJobAppearsOnTheProjectTimeline()
    {
        await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.Parquet));

        await using var db = await _database.ContextAsync();
        var summaries = await db.ActivityEvents
            .Where(a => a.ProjectId == _project.Id && a.Kind == ActivityType.Export)
            .Select(a => a.Summary)
            .ToListAsync();
        Assert.Equal(["Exported 2 rows as Parquet"], summaries);
    }

    private static string? Id(JsonElement row) => row.GetProperty("Id").GetString();

    private static string? Label(JsonElement row) => row.GetProperty("label").GetString();

    private async Task<List<JsonElement>> ExportAsync(ExportOptions options)
    {
        var package = await _database.ExportAsync(_project.Id, options);
        return package.DataText.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
    }

    private Task<long> ItemAsync(string externalId) => _database.ItemIdAsync(_project.Id, externalId);

    private async Task LabelAsync(string user, string item, int classId)
    {
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        await new Annotator(_database, _project.Id, user).LabelAsync(await ItemAsync(item), classId);
    }
}
