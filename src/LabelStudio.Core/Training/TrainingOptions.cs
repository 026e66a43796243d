namespace LabelStudio.Core.Training;

public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>How often the worker looks for due projects besides being woken by new requests.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A run whose heartbeat is older than this is presumed dead (its process was killed).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Threads a fit or a pool scoring may use. By default all cores but one, so requests keep a
    /// core while a model trains.
    /// </summary>
    public int TrainerThreads { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Cold start: how many spread-out items lead the queue before any model exists.</summary>
    public int ColdStartSpread { get; set; } = 50;

    /// <summary>
    /// How many of a model's best ranks are written as the queue. A new model usually replaces the
    /// queue after a round, so writing (and then deleting) every rank of a huge pool each round was
    /// mostly wasted; a lease that finds the slice used up ranks the next one (see ColdStartQueue).
    /// 2,000 is a few minutes of twenty annotators' work, while a model arrives every few seconds;
    /// with twenty annotators a round ends every second or so, and 10,000 ranks per round took a
    /// eighth of the server's CPU away from their requests.
    /// </summary>
    public int RankedSlice { get; set; } = 2_000;
}
