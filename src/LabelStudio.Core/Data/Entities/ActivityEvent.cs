namespace LabelStudio.Core.Data.Entities;

/// <summary>
/// One thing that happened to a project, for its timeline. Rows are only ever appended, like label events.
/// </summary>
public sealed class ActivityEvent
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public ActivityType Kind { get; set; }

    /// <summary>Who did it; null when the app did it by itself (a scheduled retrain).</summary>
    public string? UserId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A sentence a lead can read: "Imported penguins.csv: 344 items".</summary>
    public required string Summary { get; set; }

    /// <summary>The estimated accuracy, for trainings.</summary>
    public double? Accuracy { get; set; }
}
