using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Labeling;

/// <summary>
/// The project's label counts are kept on its row by whoever writes label events, instead of counted
/// per key press; they must stay the true counts of its events whatever is recorded, and however many
/// annotators save at once.
/// </summary>
public sealed class ProjectLabelCountTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CountsStayTheTrueCountsThroughImportsLabelsSkipsRelabelsAndReviews()
    {
        var project = await _database.CreateProjectAsync("Counts", ["Low", "High"], roundSize: 2);
        await _database.SetOverlapAsync(project.Id, 2);
        await ImportAsync(project.Id, "a", labeled: 6, unlabeled: 4);
        var (low, high) = await ClassesAsync(project.Id);
        var alice = new Annotator(_database, project.Id, "alice");
        var bob = new Annotator(_database, project.Id, "bob");

        var first = (await alice.NextAsync())!;
        await alice.LabelAsync(first.ItemId, low, first.Id);
        await bob.LabelAsync(first.ItemId, high);
        var second = (await alice.NextAsync())!;
        await alice.SkipAsync(second.ItemId, second.Id);
        await alice.LabelAsync(first.ItemId, high);
        await _database.Get<ReviewService>().DecideAsync(
            new ReviewDecision(project.Id, first.ItemId, "lead", low, null), CancellationToken.None);
        await ImportAsync(project.Id, "b", labeled: 2, unlabeled: 1);

        var counted = await CountedAsync(project.Id);
        Assert.Equal(counted, await KeptAsync(project.Id));
        Assert.Equal((LabelsGiven: 11, LabelsImported: 8), counted);
        var status = await _database.Get<ProjectStatusService>().GetAsync(project.Id, CancellationToken.None);
        Assert.Equal(11, status.LabelEventCount);
        Assert.Equal(2, status.Round);
    }

    /// <summary>
    /// Two annotators, each in a process of their own on the same database file (two web instances, or
    /// the app and the command line), label at full speed: neither process's write gate orders the other's
    /// saves, so a count read and written back would lose labels.
    /// </summary>
    [Fact]
    public async Task TwoAnnotatorsInTwoProcessesLabelingAtOnceAreAllCounted()
    {
        const int LabelsEach = 150;
        var project = await _database.CreateNumberedItemsAsync(2 * LabelsEach + 20);
        await using var other = _database.OpenAnotherInstance();
        var (low, _) = await ClassesAsync(project.Id);

        var saved = await Task.WhenAll(
            Task.Run(() => LabelAsync(new Annotator(_database, project.Id, "alice"), low, LabelsEach)),
            Task.Run(() => LabelAsync(new Annotator(other, project.Id, "bob"), low, LabelsEach)));

        Assert.Equal([LabelsEach, LabelsEach], saved);
        Assert.Equal((LabelsGiven: 2 * LabelsEach, LabelsImported: 0), await CountedAsync(project.Id));
        Assert.Equal(await CountedAsync(project.Id), await KeptAsync(project.Id));
    }

    [Fact]
    public async Task ImageImportsCountTheLabelsTheirFoldersGive()
    {
        var project = await _database.CreateImageProjectAsync();
        var zip = TestImages.Zip(
            ("Shirt/1.png", TestImages.Png()), ("Shoe/2.png", TestImages.Png()), ("other.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(
            project.Id, zip, new MediaImportRequest(null, LabelMode.ImportAsLabels, false));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal((LabelsGiven: 2, LabelsImported: 2), await CountedAsync(project.Id));
        Assert.Equal(await CountedAsync(project.Id), await KeptAsync(project.Id));
    }

    private static async Task<int> LabelAsync(Annotator annotator, int classId, int count)
    {
        var saved = 0;
        while (saved < count && await annotator.NextAsync() is { } lease)
        {
            await annotator.LabelAsync(lease.ItemId, classId, lease.Id);
            saved++;
        }
        return saved;
    }

    private async Task ImportAsync(int projectId, string prefix, int labeled, int unlabeled)
    {
        var rows = Enumerable.Range(1, labeled + unlabeled)
            .Select(i => $"{prefix}{i},{i},{(i > labeled ? "" : i % 2 == 0 ? "High" : "Low")}");
        var csv = $"Id,Value,Label\n{string.Join("\n", rows)}\n";
        var plan = new TableImportPlan(["Value"], "Id", "Label", LabelMode.ImportAsLabels);
        var job = await _database.ImportCsvAsync(projectId, csv, plan);
        Assert.Equal(JobStatus.Succeeded, job.Status);
    }

    private async Task<(int Low, int High)> ClassesAsync(int projectId)
    {
        var classes = await _database.ClassIdsAsync(projectId);
        return (classes[0], classes[1]);
    }

    /// <summary>What the project's row says.</summary>
    private async Task<(int LabelsGiven, int LabelsImported)> KeptAsync(int projectId)
    {
        await using var db = await _database.ContextAsync();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        return (project.LabelsGiven, project.LabelsImported);
    }

    /// <summary>What counting the events says.</summary>
    private async Task<(int LabelsGiven, int LabelsImported)> CountedAsync(int projectId)
    {
        await using var db = await _database.ContextAsync();
        var labels = db.LabelEvents.Where(e => e.ProjectId == projectId && e.Kind == LabelEventKind.Label);
        return (await labels.CountAsync(), await labels.CountAsync(e => e.UserId == ImportedLabels.UserId));
    }
}
