namespace LabelStudio.Core.Labeling;

/// <summary>Why a decision on an item was refused because the item moved on without the annotator.</summary>
public enum ItemTakenReason
{
    /// <summary>The annotator's hold expired and the item went to someone else.</summary>
    LeaseLost,

    /// <summary>The annotator never held the item, and a colleague holds it now.</summary>
    HeldByColleague,

    /// <summary>The item was labeled meanwhile: in another tab, by a colleague or by an import.</summary>
    AlreadyLabeled,
}

/// <summary>
/// A labeling request that cannot be honoured. The message states only what happened; each surface
/// (the labeling page, the REST API) adds what the user can do next in its own words.
/// </summary>
public sealed class LabelingException(string message, ItemTakenReason? taken = null, bool wrongLease = false)
    : Exception(message)
{
    /// <summary>Set when the item moved on without this annotator.</summary>
    public ItemTakenReason? Taken { get; } = taken;

    public bool ItemTaken => Taken is not null;

    /// <summary>Set when the lease given was granted for another item or to another annotator.</summary>
    public bool WrongLease { get; } = wrongLease;

    public static LabelingException LeaseLost() => new(
        "Your hold on this item expired and it went to another annotator.", ItemTakenReason.LeaseLost);

    public static LabelingException HeldByColleague() => new(
        "Another annotator holds this item.", ItemTakenReason.HeldByColleague);

    public static LabelingException LeaseOfAnotherItem(long leaseId, long leaseItemId, long itemId) => new(
        $"Lease {leaseId} was granted for item {leaseItemId}, not item {itemId}.", wrongLease: true);

    public static LabelingException LeaseOfAnotherAnnotator(long leaseId) => new(
        $"Lease {leaseId} belongs to another annotator; use the lease your own next-item call gave.",
        wrongLease: true);

    public static LabelingException AlreadyLabeled() => new(
        "This item was already labeled, in another tab or by a colleague.", ItemTakenReason.AlreadyLabeled);
}
