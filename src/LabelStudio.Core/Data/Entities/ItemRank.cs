namespace LabelStudio.Core.Data.Entities;

/// <summary>Where an unlabeled item stands in the project's queue; rank 0 is served first.</summary>
public sealed class ItemRank
{
    public long ItemId { get; set; }
    public int ProjectId { get; set; }
    public int Rank { get; set; }
    public double Score { get; set; }

    /// <summary>The model version that produced this rank; 0 is the cold-start spread.</summary>
    public int ModelVersion { get; set; }
}
