using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Export;

/// <summary>How far an item's annotators agree with its current label.</summary>
public readonly record struct LabelAgreement(double? Share, int Annotators)
{
    /// <summary>
    /// Each annotator counts once, with their latest label; skips do not vote. The share is the part
    /// of annotators whose latest label is <paramref name="currentClassId"/>; null when the item has none.
    /// </summary>
    /// <param name="events">The item's events, oldest first.</param>
    public static LabelAgreement Of(IEnumerable<LabelEvent> events, int? currentClassId)
    {
        var latestByUser = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var labelEvent in events)
        {
            if (labelEvent is { Kind: LabelEventKind.Label, ClassId: { } classId })
            {
                latestByUser[labelEvent.UserId] = classId;
            }
        }

        if (currentClassId is null || latestByUser.Count == 0)
        {
            return new LabelAgreement(null, latestByUser.Count);
        }
        var agreeing = latestByUser.Values.Count(c => c == currentClassId);
        return new LabelAgreement((double)agreeing / latestByUser.Count, latestByUser.Count);
    }

    public bool Meets(double? minimum) => minimum is null || (Share is { } share && share >= minimum - 1e-9);
}
