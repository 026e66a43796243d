namespace LabelStudio.Core.Data.Entities;

/// <summary>The item's feature vector as little-endian float32 bytes.</summary>
public sealed class ItemFeatures
{
    public long ItemId { get; set; }
    public int ProjectId { get; set; }
    public required byte[] Vector { get; set; }
}
