namespace LabelStudio.Core.Jobs;

/// <summary>
/// What a background job's message says before its work reports anything, shared by imports and
/// exports so their state and message always agree: queued jobs wait, claimed jobs start.
/// </summary>
public static class JobMessages
{
    /// <summary>Set together with the queued state, and with no other.</summary>
    public const string Waiting = "Waiting to start";

    /// <summary>Set when a worker claims the job, in the same write that makes it running.</summary>
    public const string Starting = "Starting";
}
