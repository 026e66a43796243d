using LabelStudio.Ml;

namespace LabelStudio.Core.Data.Entities;

public enum LabelEventKind
{
    Label,
    Skip,

    /// <summary>A lead's or reviewer's final label for a disputed item; not a vote.</summary>
    Review,
}

/// <summary>
/// One annotator decision. Events are only ever appended: relabeling adds an event, and an item's
/// current label is the latest one.
/// </summary>
public sealed class LabelEvent
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public long ItemId { get; set; }
    public required string UserId { get; set; }
    public LabelEventKind Kind { get; set; }
    public int? ClassId { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public double SecondsSpent { get; set; }
    public int Round { get; set; }
    public int ModelVersion { get; set; }
    public QueryStrategy Strategy { get; set; }
    public double? ScoreWhenServed { get; set; }
    public bool SuggestionShown { get; set; }
}
