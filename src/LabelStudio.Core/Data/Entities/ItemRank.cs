namespace LabelStudio.Core.Data.Entities;

/// <summary>
/// Where an unlabeled item stands in one generation of the project's queue; rank 0 is served first.
/// A retrain writes a whole new generation beside the served one and then switches
/// <see cref="Project.QueueVersion"/> to it, so annotators are never held up by the write.
/// </summary>
public sealed class ItemRank
{
    public long ItemId { get; set; }
    public int ProjectId { get; set; }
    public int Rank { get; set; }
    public double Score { get; set; }

    /// <summary>The model version that produced this rank, and so the generation; 0 is the cold-start spread.</summary>
    public int ModelVersion { get; set; }
}
