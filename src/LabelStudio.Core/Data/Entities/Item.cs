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

    /// <summary>Derived from the latest label event; kept here so queue queries stay cheap.</summary>
    public int? CurrentClassId { get; set; }

    public long? CurrentLabelEventId { get; set; }

    /// <summary>How many distinct annotators labeled the item; the queue compares it with the overlap.</summary>
    public int LabelCount { get; set; }
}
