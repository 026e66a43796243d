using System.Collections.Concurrent;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>
/// Decides when a project needs a retrain and records the request in the database, then nudges the
/// worker so it starts at once instead of at its next poll.
/// </summary>
public sealed class TrainingScheduler(IDbContextFactory<AppDbContext> contexts, WriteGate writeGate)
{
    // Labels saved during a run would each ask for the one more run that follows it; one asking is
    // enough, and sparing the others a write keeps label saves off the write gate. Keyed by the run
    // (its start), so the next run is asked for afresh; another process asking once more is harmless.
    private readonly ConcurrentDictionary<int, DateTimeOffset> _requestedDuringRun = new();

    internal WakeSignal WakeUps { get; } = new();

    /// <summary>Asks for a retrain once a full round of new labels exists in at least two classes.</summary>
    public async Task OnLabelRecordedAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new { p.RoundSize, p.LabelsGiven })
            .FirstAsync(cancellationToken);
        await OnLabelRecordedAsync(projectId, project.LabelsGiven, project.RoundSize, cancellationToken);
    }

    /// <summary>The same, for a caller that already knows the project's label event count and round size.</summary>
    public async Task OnLabelRecordedAsync(
        int projectId, int labelEvents, int roundSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await db.TrainingStates.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ProjectId == projectId, cancellationToken);
        var newLabels = labelEvents - (state?.LabelEventsAtLastRun ?? 0);
        var alreadyDue = state is not null && state.RequestSerial > state.CompletedSerial && state.RunningSince is null;
        var runningSince = state?.RunningSince;
        var requestedDuringRun = runningSince is not null
            && _requestedDuringRun.TryGetValue(projectId, out var requestedFor) && requestedFor == runningSince;
        if (newLabels < roundSize || alreadyDue || requestedDuringRun
            || !await HasTwoClassesAsync(db, projectId, cancellationToken))
        {
            return;
        }

        await RequestAsync(projectId, cancellationToken);
        if (runningSince is { } since)
        {
            _requestedDuringRun[projectId] = since;
        }
    }

    /// <summary>
    /// Asks for every retrain a full round has made due. Requests are recorded after the label that
    /// completes a round; a process killed in between would leave that round waiting for the next label.
    /// </summary>
    public async Task RequestOverdueRoundsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await db.Projects.Select(p => new { p.Id, p.LabelsGiven, p.RoundSize })
            .ToListAsync(cancellationToken);
        foreach (var project in projects)
        {
            await OnLabelRecordedAsync(project.Id, project.LabelsGiven, project.RoundSize, cancellationToken);
        }
    }

    /// <summary>Records a request; requests made while a run is going coalesce into one more run.</summary>
    public async Task RequestAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);
        var updated = await db.TrainingStates
            .Where(s => s.ProjectId == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RequestSerial, x => x.RequestSerial + 1), cancellationToken);
        if (updated == 0)
        {
            db.TrainingStates.Add(new TrainingState { ProjectId = projectId, RequestSerial = 1 });
            await db.SaveChangesAsync(cancellationToken);
        }

        WakeUps.Wake();
    }

    internal static Task<bool> HasTwoClassesAsync(
        AppDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.Items
            .Where(i => i.ProjectId == projectId && i.CurrentClassId != null)
            .Select(i => i.CurrentClassId)
            .Distinct()
            // Any second class will do; the order only spares the log EF Core's warning on every label.
            .OrderBy(classId => classId)
            .Skip(1)
            .AnyAsync(cancellationToken);
}
