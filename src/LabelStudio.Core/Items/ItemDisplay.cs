namespace LabelStudio.Core.Items;

/// <summary>An item as the labeling page shows it: its fields in file order and its current label.</summary>
public sealed record ItemDisplay(
    long ItemId,
    string ExternalId,
    IReadOnlyList<ItemField> Fields,
    int? CurrentClassId);

public sealed record ItemField(string Name, string? Value, bool IsNumber);
