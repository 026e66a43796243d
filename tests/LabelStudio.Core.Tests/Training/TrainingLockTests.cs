using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Tests.Training;

/// <summary>One training run per project at a time, across threads, instances and killed processes.</summary>
public sealed class TrainingLockTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private TrainingRunner Runner => _database.Get<TrainingRunner>();

    private TrainingLock Lock => _database.Get<TrainingLock>();

    [Fact]
    public async Task LockOfAKilledRunIsTakenOverOnceItsHeartbeatIsStale()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);
        await using (var db = await _database.ContextAsync())
        {
            var claimedElsewhere = _database.Clock.GetUtcNow();
            await db.TrainingStates.Where(s => s.ProjectId == project.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.RunningSince, claimedElsewhere)
                .SetProperty(x => x.HeartbeatAt, claimedElsewhere));
        }
        var whileAlive = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);
        var staleAfter = _database.Get<IOptions<TrainingOptions>>().Value.StaleAfter;
        _database.Clock.Advance(staleAfter + TimeSpan.FromSeconds(1));

        var due = await Lock.DueProjectsAsync(CancellationToken.None);
        var takenOver = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Null(whileAlive);
        Assert.Equal([project.Id], due);
        Assert.Equal(1, takenOver?.Version);
        var state = await _database.TrainingStateAsync(project.Id);
        Assert.Equal((null, null), (state.RunningSince, state.HeartbeatAt));
        Assert.Equal(state.RequestSerial, state.CompletedSerial);
    }

    [Fact]
    public async Task ARunWhoseLockWasTakenOverCannotReleaseTheNewHoldersLock()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);
        var slow = (await Lock.TryClaimAsync(project.Id, labelEvents: 20, CancellationToken.None))!;
        _database.Clock.Advance(_database.Get<IOptions<TrainingOptions>>().Value.StaleAfter + TimeSpan.FromSeconds(1));
        var takeover = (await Lock.TryClaimAsync(project.Id, labelEvents: 20, CancellationToken.None))!;

        bool releasedBySlowRun;
        await using (var db = await _database.ContextAsync())
        {
            releasedBySlowRun = await Lock.ReleaseAsync(db, slow, error: null, CancellationToken.None);
        }

        Assert.False(releasedBySlowRun);
        var state = await _database.TrainingStateAsync(project.Id);
        Assert.Equal(takeover.ClaimedAt, state.RunningSince);
        Assert.True(state.CompletedSerial < state.RequestSerial, "The slow run must not mark the request done.");
    }

    [Fact]
    public async Task LabelsSavedDuringARunAskForTheNextRunOnlyOnce()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 5);
        var alice = new Annotator(_database, project.Id, "alice");
        await alice.LabelNextTruthfullyAsync(5);
        var running = (await Lock.TryClaimAsync(project.Id, labelEvents: 5, CancellationToken.None))!;

        await alice.LabelNextTruthfullyAsync(12);

        var state = await _database.TrainingStateAsync(project.Id);
        Assert.Equal(running.Serial + 1, state.RequestSerial);
    }

    [Fact]
    public async Task RequestsWhileARunHoldsTheLockCoalesceIntoExactlyOneMoreRun()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 5);
        var alice = new Annotator(_database, project.Id, "alice");
        await alice.LabelNextTruthfullyAsync(5);
        // Another worker's run holds the lock, taken as its runner takes it, until it is released below.
        var running = (await Lock.TryClaimAsync(project.Id, labelEvents: 5, CancellationToken.None))!;

        await alice.LabelNextTruthfullyAsync(12);
        for (var press = 0; press < 3; press++)
        {
            await _database.Get<TrainingScheduler>().RequestAsync(project.Id, CancellationToken.None);
        }
        var duringRun = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);
        await using (var db = await _database.ContextAsync())
        {
            await Lock.ReleaseAsync(db, running, error: null, CancellationToken.None);
        }
        var afterRun = await _database.TrainingStateAsync(project.Id);
        var followUp = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);
        var another = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Null(duringRun);
        Assert.Equal(running.Serial, afterRun.CompletedSerial);
        Assert.True(afterRun.RequestSerial >= running.Serial + 4, $"Serial {afterRun.RequestSerial} missed requests.");
        Assert.Equal((1, 17), (followUp?.Version, followUp?.LabelCount));
        Assert.Null(another);
        Assert.Empty(await Lock.DueProjectsAsync(CancellationToken.None));
        var state = await _database.TrainingStateAsync(project.Id);
        Assert.Equal((afterRun.RequestSerial, afterRun.RequestSerial), (state.RequestSerial, state.CompletedSerial));
    }

    [Fact]
    public async Task TwoInstancesRunningTheSameRequestAtOnceTrainOnce()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);
        await using var other = _database.OpenAnotherInstance();

        var results = await Task.WhenAll(
            Task.Run(() => Runner.RunIfDueAsync(project.Id, CancellationToken.None)),
            Task.Run(() => other.Get<TrainingRunner>().RunIfDueAsync(project.Id, CancellationToken.None)));

        Assert.Single(results, r => r is not null);
        Assert.Equal([1], await _database.ModelVersionsAsync(project.Id));
    }
}
