namespace LabelStudio.Core.Data.Entities;

/// <summary>One thing to label: a table row for now. Features and ranking live in narrow side tables.</summary>
public sealed class Item
{
    public long Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The id from the source file, or the row's line when the file had none.</summary>
    public required string ExternalId { get; set; }

    /// <summary>Position in the source file, kept for exports in original order.</summary>
    public int Ordinal { get; set; }

    /// <summary>Original column values as a JSON object, as read from the file.</summary>
    public required string DataJson { get; set; }

    /// <summary>A known answer kept from annotators, used by simulation and quality checks.</summary>
    public string? GroundTruth { get; set; }

    /// <summary>
    /// The final label, derived from the label events by the project's <see cref="FinalLabelRule"/>;
    /// kept here so queue and training queries stay cheap. Null while unlabeled or disputed.
    /// </summary>
    public int? CurrentClassId { get; set; }

    /// <summary>The event that set the final label: the winning vote or the review.</summary>
    public long? CurrentLabelEventId { get; set; }

    /// <summary>How many distinct annotators labeled the item; the queue compares it with the overlap.</summary>
    public int LabelCount { get; set; }

    public LabelSource LabelSource { get; set; }

    /// <summary>How many annotators have a label on this item (skips are not votes).</summary>
    public int VoteCount { get; set; }
}
