using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Training;

/// <summary>
/// A model's queue holds only its best slice, so a huge pool is not written and deleted in full every
/// round; the queue must still serve every open item and keep overlap on the top share right.
/// </summary>
public sealed class RankedSliceTests : IAsyncLifetime
{
    private const int Slice = 30;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(configure: services =>
        services.Configure<TrainingOptions>(options => options.RankedSlice = Slice));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AModelWritesOnlyItsBestSliceAndTheQueueGoesOnPastIt()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        var alice = new Annotator(_database, project.Id, "alice");
        await alice.LabelNextTruthfullyAsync(20);
        var model = await TrainAsync(project.Id);
        var written = await _database.RanksAsync(project.Id);

        await alice.LabelNextTruthfullyAsync(Slice + 10);

        Assert.Equal(Slice, written.Count);
        Assert.All(written, r => Assert.Equal(model.Version, r.ModelVersion));
        var extended = await _database.RanksAsync(project.Id);
        Assert.Equal(written.Select(r => r.ItemId), extended.Take(Slice).Select(r => r.ItemId));
        Assert.True(extended.Count > Slice + 10);
        Assert.Equal(extended.Count, extended.Select(r => r.ItemId).Distinct().Count());
    }

    [Fact]
    public async Task OverlapOnTheTopShareKeepsTheWholeRanking()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await _database.SetOverlapAsync(project.Id, 2, OverlapScope.UncertainItems, percent: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);

        await TrainAsync(project.Id);

        var ranks = await _database.RanksAsync(project.Id);
        Assert.True(ranks.Count > 300, $"only {ranks.Count} ranks written");
    }

    private async Task<ModelVersion> TrainAsync(int projectId)
    {
        await _database.Get<TrainingScheduler>().RequestAsync(projectId, CancellationToken.None);
        return await _database.Get<TrainingRunner>().RunIfDueAsync(projectId, CancellationToken.None)
            ?? throw new InvalidOperationException("No model was trained.");
    }
}
