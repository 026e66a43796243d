using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Training;

/// <summary>What the training worker picks up when the app starts again after being killed.</summary>
public sealed class RestartTrainingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ARoundWhoseRequestWasLostInACrashIsTrainedAtTheNextStart()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);
        await using (var db = await _database.ContextAsync())
        {
            // Killed after the round's last label was saved and before its retrain was asked for.
            await db.TrainingStates.Where(s => s.ProjectId == project.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RequestSerial, x => x.CompletedSerial));
        }

        await using var restarted = await _database.RestartWithWorkersAsync();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        int? version = null;
        while (version is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await using var db = await restarted.ContextAsync();
            version = await db.ModelVersions.Where(m => m.ProjectId == project.Id)
                .Select(m => (int?)m.Version).FirstOrDefaultAsync();
        }
        Assert.Equal(1, version);
    }
}
