using System.Text;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Training;

/// <summary>A file imported while the project's first model is training must not be left out of the queue.</summary>
public sealed class ImportDuringTrainingTests
{
    [Fact]
    public async Task ItemsImportedWhileTheFirstModelTrainsAreRankedByTheNextRun()
    {
        var gate = new CommandGate();
        await using var database = await TestDatabase.CreateAsync(
            configure: services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(gate)));
        var project = await database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(database, project.Id, "alice").LabelNextTruthfullyAsync(20);
        var runner = database.Get<TrainingRunner>();

        // The run lists the pool, then waits on its feature read while a second file lands.
        gate.HoldFirstReadOf("ItemFeatures");
        var firstRun = Task.Run(() => runner.RunIfDueAsync(project.Id, CancellationToken.None));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var csv = Encoding.UTF8.GetBytes(
            "Id,Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex\n" +
            "late-1,Dream,46.5,17.9,192,3500,FEMALE\nlate-2,Biscoe,47.3,13.8,216,4725,MALE\n");
        var plan = new TableImportPlan(TestProjects.PenguinFeatures, IdColumn: "Id");
        var late = await database.ImportAsync(project.Id, "late.csv", csv, new ImportRequest(plan, false));
        gate.Release();
        var first = await firstRun;
        var followUp = await runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Equal(JobStatus.Succeeded, late.Status);
        Assert.Equal(1, first?.Version);
        Assert.Equal(2, followUp?.Version);
        await using var db = await database.ContextAsync();
        var unranked = await db.Items
            .Where(i => i.ProjectId == project.Id && i.CurrentClassId == null)
            .Where(i => !db.ItemRanks.Any(r => r.ItemId == i.Id))
            .Select(i => i.ExternalId)
            .ToListAsync();
        Assert.Empty(unranked);
    }
}
