using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Quality;

/// <summary>An item's final label and how it was reached; the class and event are null unless settled.</summary>
public sealed record FinalLabel(int? ClassId, long? EventId, LabelSource Source, int VoteCount)
{
    public static readonly FinalLabel Unlabeled = new(null, null, LabelSource.None, 0);

    public void CopyTo(Item item)
    {
        item.CurrentClassId = ClassId;
        item.CurrentLabelEventId = EventId;
        item.LabelSource = Source;
        item.VoteCount = VoteCount;
    }
}

/// <summary>The part of a label event that decides a final label.</summary>
public readonly record struct ItemDecision(long EventId, long ItemId, string UserId, LabelEventKind Kind, int? ClassId);
