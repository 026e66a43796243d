namespace LabelStudio.Core.Labeling;

/// <summary>Why a decision on an item was refused because the item moved on without the annotator.</summary>
public enum ItemTakenReason
{
    /// <summary>The annotator's hold expired and the item went to someone else.</summary>
    LeaseLost,

    /// <summary>The item was labeled meanwhile: in another tab, by a colleague or by an import.</summary>
    AlreadyLabeled,
}

/// <summary>
/// A labeling request that cannot be honoured. The message states only what happened; each surface
/// (the labeling page, the REST API) adds what the user can do next in its own words.
/// </summary>
public sealed class LabelingException(string message, ItemTakenReason? taken = null) : Exception(message)
{
    /// <summary>Set when the item moved on without this annotator.</summary>
    public ItemTakenReason? Taken { get; } = taken;

    public bool ItemTaken => Taken is not null;

    public static LabelingException LeaseLost() => new(
        "Your hold on this item expired and it went to another annotator.", ItemTakenReason.LeaseLost);

    public static LabelingException AlreadyLabeled() => new(
        "This item was already labeled, in another tab or by a colleague.", ItemTakenReason.AlreadyLabeled);
}
