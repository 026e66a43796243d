using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Training;

/// <summary>
/// The per-project training lock, held in the database so that only one run per project happens
/// across threads, processes and restarts. A run refreshes its heartbeat; one that stops (kill -9)
/// loses the lock after <see cref="TrainingOptions.StaleAfter"/> and its request is run again.
/// </summary>
public sealed class TrainingLock(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<TrainingOptions> options,
    WriteGate writeGate,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<int>> DueProjectsAsync(CancellationToken cancellationToken)
    {
        var staleBefore = clock.GetUtcNow() - options.Value.StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainingStates
            .Where(s => s.RequestSerial > s.CompletedSerial && (s.RunningSince == null || s.HeartbeatAt < staleBefore))
            .Select(s => s.ProjectId)
            .ToListAsync(cancellationToken);
    }

    internal async Task<TrainingClaim?> TryClaimAsync(
        int projectId, int labelEvents, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - options.Value.StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var state = await db.TrainingStates.FirstOrDefaultAsync(s => s.ProjectId == projectId, cancellationToken);
        var free = state is not null && (state.RunningSince is null || state.HeartbeatAt < staleBefore);
        if (state is null || !free || state.RequestSerial <= state.CompletedSerial)
        {
            return null;
        }

        state.RunningSince = now;
        state.HeartbeatAt = now;
        state.LabelEventsAtLastRun = labelEvents;
        state.Phase = "Starting";
        state.Progress = 0;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TrainingClaim(projectId, state.RequestSerial, now);
    }

    internal async Task ReportAsync(
        TrainingClaim claim, string phase, double progress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.TrainingStates
            .Where(s => s.ProjectId == claim.ProjectId && s.RunningSince == claim.ClaimedAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.HeartbeatAt, now)
                .SetProperty(x => x.Phase, phase)
                .SetProperty(x => x.Progress, progress), cancellationToken);
    }

    /// <summary>Refreshes the heartbeat until cancelled, so a long fit is not mistaken for a dead process.</summary>
    internal async Task KeepAliveAsync(TrainingClaim claim, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.StaleAfter / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await BeatAsync(claim, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The run finished.
        }
    }

    private async Task BeatAsync(TrainingClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using var turn = await writeGate.EnterBackgroundAsync(cancellationToken);
            var now = clock.GetUtcNow();
            await db.TrainingStates
                .Where(s => s.ProjectId == claim.ProjectId && s.RunningSince == claim.ClaimedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.HeartbeatAt, now), cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // A busy database delays one beat; the next one, a third of the stale time later, retries.
        }
    }

    /// <summary>
    /// Ends the run inside the caller's transaction, so the result and the release commit together.
    /// False when another run has taken the lock over meanwhile: then nothing is changed, and the
    /// caller must not publish.
    /// </summary>
    internal async Task<bool> ReleaseAsync(
        AppDbContext db, TrainingClaim claim, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var released = await db.TrainingStates
            .Where(s => s.ProjectId == claim.ProjectId && s.RunningSince == claim.ClaimedAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.CompletedSerial, claim.Serial)
                .SetProperty(x => x.RunningSince, (DateTimeOffset?)null)
                .SetProperty(x => x.HeartbeatAt, (DateTimeOffset?)null)
                .SetProperty(x => x.Phase, error == null ? "" : "Failed")
                .SetProperty(x => x.Progress, 0)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.LastErrorAt, error == null ? (DateTimeOffset?)null : now), cancellationToken);
        return released == 1;
    }
}
