using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Export;

/// <summary>How far an item's annotators agree with its final label.</summary>
public readonly record struct LabelAgreement(double? Share, int Annotators)
{
    /// <summary>
    /// Each annotator counts once, with their latest label; skips do not vote. The share is the part
    /// of annotators whose latest label is <paramref name="currentClassId"/>. An item still disputed
    /// has no final label: its share is the largest any one class holds, so a tie reads 0.5, not
    /// "unknown", and a minimum agreement filters it like any other. Null when nobody voted.
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

        if (latestByUser.Count == 0)
        {
            return new LabelAgreement(null, 0);
        }
        var agreeing = currentClassId is { } final
            ? latestByUser.Values.Count(c => c == final)
            : latestByUser.Values.CountBy(c => c).Max(group => group.Value);
        return new LabelAgreement((double)agreeing / latestByUser.Count, latestByUser.Count);
    }

    public bool Meets(double? minimum) => minimum is null || (Share is { } share && share >= minimum - 1e-9);
}
