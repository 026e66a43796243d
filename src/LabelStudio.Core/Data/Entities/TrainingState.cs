namespace LabelStudio.Core.Data.Entities;

/// <summary>
/// The project's training lock and request flag. Kept in the database, not in memory, so a second
/// web instance or a restart sees the same state.
/// </summary>
public sealed class TrainingState
{
    public int ProjectId { get; set; }

    /// <summary>Bumped by each request (a completed round or a Retrain press).</summary>
    public long RequestSerial { get; set; }

    /// <summary>The request serial the last finished run covered; a run is due while it trails.</summary>
    public long CompletedSerial { get; set; }

    /// <summary>Label events counted when the last run started; the next round is measured from here.</summary>
    public int LabelEventsAtLastRun { get; set; }

    /// <summary>Set while a run holds the project's lock; null when idle.</summary>
    public DateTimeOffset? RunningSince { get; set; }

    /// <summary>Refreshed by the running job; a lock whose heartbeat stops (a killed process) is taken over.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>Progress of the running job, 0 to 1, with a short phase name for the page.</summary>
    public double Progress { get; set; }
    public string Phase { get; set; } = "";
}
