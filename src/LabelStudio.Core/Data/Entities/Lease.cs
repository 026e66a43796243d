namespace LabelStudio.Core.Data.Entities;

/// <summary>An item held for one annotator until they label it, skip it or the lease expires.</summary>
public sealed class Lease
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public long ItemId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset LeasedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The item's score and the model version when it was served, recorded on its label.</summary>
    public double? Score { get; set; }
    public int ModelVersion { get; set; }
}
