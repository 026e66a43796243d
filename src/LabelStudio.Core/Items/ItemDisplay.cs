namespace LabelStudio.Core.Items;

/// <summary>
/// An item as the labeling page shows it: its fields in file order, its current label and, for a
/// media item, what the page says about its file.
/// </summary>
public sealed record ItemDisplay(
    long ItemId,
    string ExternalId,
    IReadOnlyList<ItemField> Fields,
    int? CurrentClassId,
    ItemMediaInfo? Media = null);

/// <summary>
/// The file behind a media item; the page fetches its pixels or sound from the media endpoint by item id.
/// <paramref name="ItemName"/> is the item's name in the project, never a class folder kept as a hidden answer.
/// </summary>
public sealed record ItemMediaInfo(string FileName, string ItemName, int Width, int Height, string Format)
{
    /// <summary>An audio clip's length; null for an image.</summary>
    public double? DurationSeconds { get; init; }

    public bool IsAudio => DurationSeconds is not null;
}

public sealed record ItemField(string Name, string? Value, bool IsNumber);
