using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Projects;

/// <summary>
/// The project's item count is kept by the imports instead of counted per key press; it must stay
/// the true count whatever happens to the project.
/// </summary>
public sealed class ProjectItemCountTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ItemCountStaysTheTrueCountThroughImportsLabelsSkipsAndRelabels()
    {
        var project = await _database.CreateNumberedItemsAsync(30);
        var plan = new TableImportPlan(["Value", "Remainder"], IdColumn: "Id");
        var more = "Id,Value,Remainder\n" + string.Join('\n', Enumerable.Range(1, 12).Select(i => $"m-{i},{i},1"));
        var added = await _database.ImportCsvAsync(project.Id, more + "\n", plan);
        var refused = await _database.ImportCsvAsync(project.Id, "Id,Value,Remainder\nn-1,5,1\n", plan);
        var alice = new Annotator(_database, project.Id, "alice");
        var classId = project.Classes[0].Id;
        var first = await alice.NextAsync();
        await alice.LabelAsync(first!.ItemId, classId, first.Id);
        var second = await alice.NextAsync();
        await alice.SkipAsync(second!.ItemId, second.Id);
        await alice.LabelAsync(first.ItemId, project.Classes[1].Id);

        var status = await _database.Get<ProjectStatusService>().GetAsync(project.Id, CancellationToken.None);

        Assert.Equal(JobStatus.Succeeded, added.Status);
        Assert.Equal(JobStatus.Failed, refused.Status);
        await using var db = await _database.ContextAsync();
        var items = db.Items.Where(i => i.ProjectId == project.Id);
        Assert.Equal(42, await items.CountAsync());
        Assert.Equal(await items.CountAsync(), status.ItemCount);
        Assert.Equal(await items.CountAsync(i => i.CurrentClassId != null), status.LabeledCount);
        Assert.Equal(Enumerable.Range(0, 42), await items.OrderBy(i => i.Ordinal).Select(i => i.Ordinal).ToListAsync());
    }

    [Fact]
    public async Task ProjectsListShowsEachProjectsOwnItemCount()
    {
        var small = await _database.CreateNumberedItemsAsync(7, name: "Small");
        var large = await _database.CreateNumberedItemsAsync(25, name: "Large");

        var listed = await _database.Get<ProjectService>().ListAsync(memberId: null, CancellationToken.None);

        Assert.Equal(7, listed.Single(p => p.Id == small.Id).ItemCount);
        Assert.Equal(25, listed.Single(p => p.Id == large.Id).ItemCount);
    }
}
