using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Labeling;

/// <summary>
/// Labels that came with a file are no labeling round: the round on the status line, on each new
/// label event and on a review counts the annotators' labels only, however many labels were imported.
/// </summary>
public sealed class ImportedLabelRoundTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Rounds", ["Low", "High"], roundSize: 2);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ImportedLabelsLeaveTheProjectInItsFirstRound()
    {
        await ImportSixLabeledAndFourUnlabeledRowsAsync();

        var status = await StatusAsync();

        Assert.Equal(6, status.LabeledCount);
        Assert.Equal(1, status.Round);
    }

    [Fact]
    public async Task AnnotatorsLabelsAfterAnImportCountTheirRoundsFromOne()
    {
        await ImportSixLabeledAndFourUnlabeledRowsAsync();
        var low = (await _database.ClassIdsAsync(_project.Id))[0];
        var alice = new Annotator(_database, _project.Id, "alice");

        var rounds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            rounds.Add((await alice.LabelAsync((await alice.NextAsync())!.ItemId, low)).Round);
        }

        Assert.Equal([1, 1, 2], rounds);
        Assert.Equal(2, (await StatusAsync()).Round);
    }

    [Fact]
    public async Task AReviewAfterAnImportCarriesTheAnnotatorsRound()
    {
        await ImportSixLabeledAndFourUnlabeledRowsAsync();
        var classes = await _database.ClassIdsAsync(_project.Id);
        var item = await _database.ItemIdAsync(_project.Id, "r1");

        await _database.Get<ReviewService>().DecideAsync(
            new ReviewDecision(_project.Id, item, "lead-1", classes[1], null), CancellationToken.None);

        await using var db = await _database.ContextAsync();
        var review = await db.LabelEvents.SingleAsync(e => e.Kind == LabelEventKind.Review);
        Assert.Equal(1, review.Round);
    }

    /// <summary>Imported labels keep round 0, "before any labeling round", as exports show them.</summary>
    [Fact]
    public async Task ImportedLabelEventsCarryRoundZero()
    {
        await ImportSixLabeledAndFourUnlabeledRowsAsync();

        await using var db = await _database.ContextAsync();
        var rounds = await db.LabelEvents.Select(e => e.Round).ToListAsync();
        Assert.Equal(Enumerable.Repeat(0, 6), rounds);
    }

    private async Task ImportSixLabeledAndFourUnlabeledRowsAsync()
    {
        var rows = Enumerable.Range(1, 10)
            .Select(i => $"r{i},{i},{(i > 6 ? "" : i % 2 == 0 ? "High" : "Low")}");
        var csv = $"Id,Value,Label\n{string.Join("\n", rows)}\n";
        var plan = new TableImportPlan(["Value"], "Id", "Label", LabelMode.ImportAsLabels);
        var job = await _database.ImportCsvAsync(_project.Id, csv, plan);
        Assert.Equal(JobStatus.Succeeded, job.Status);
    }

    private Task<ProjectStatus> StatusAsync() =>
        _database.Get<ProjectStatusService>().GetAsync(_project.Id, CancellationToken.None);
}
