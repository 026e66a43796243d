namespace LabelStudio.Core.Training;

/// <summary>
/// The right to train one project: the request serial the run will satisfy, and when the lock was
/// taken, which fences the run: once another run has taken the lock over, this one's heartbeats,
/// release and results no longer apply.
/// </summary>
internal sealed record TrainingClaim(int ProjectId, long Serial, DateTimeOffset ClaimedAt);
