using LabelStudio.Ml;

namespace LabelStudio.Core.Data.Entities;

public sealed class Project
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>What the project's items are; fixed when the project is created.</summary>
    public DataKind DataKind { get; set; } = DataKind.Table;

    /// <summary>Shown to annotators beside every item.</summary>
    public string Instructions { get; set; } = "";

    /// <summary>How many new labels make a round; each completed round triggers a retrain.</summary>
    public int RoundSize { get; set; } = 20;

    public QueryStrategy Strategy { get; set; } = QueryStrategy.Margin;

    /// <summary>Whether annotators see the model's guess. Off by default so it does not anchor them.</summary>
    public bool ShowSuggestions { get; set; }

    /// <summary>How many distinct annotators label each item that overlap applies to; 1 means no overlap.</summary>
    public int Overlap { get; set; } = 1;

    public OverlapScope OverlapScope { get; set; }

    /// <summary>With <see cref="OverlapScope.UncertainItems"/>: the top share of the ranking, in percent.</summary>
    public int OverlapPercent { get; set; } = 20;

    /// <summary>How several annotators' votes on one item become its final label.</summary>
    public FinalLabelRule FinalLabelRule { get; set; } = FinalLabelRule.Majority;

    /// <summary>Audio projects: play each clip as soon as it is shown. Annotators can still pause it.</summary>
    public bool AutoplayAudio { get; set; } = true;

    /// <summary>Serialized featurizer fitted on the project's items; null until items are imported.</summary>
    public string? FeaturizerJson { get; set; }

    /// <summary>Column names in file order, so pages and exports keep the original layout.</summary>
    public string ColumnsJson { get; set; } = "[]";

    /// <summary>
    /// The generation of <see cref="ItemRank"/> rows annotators are served from (a model version; 0 = cold start).
    /// </summary>
    public int QueueVersion { get; set; }

    /// <summary>
    /// How many items the project holds, raised by every import in its own transaction: the status line
    /// reads it per key press, where counting the items would cost time in proportion to the project.
    /// Items also take their <see cref="Item.Ordinal"/> from it.
    /// </summary>
    public int ItemCount { get; set; }

    /// <summary>
    /// The project's label events (not skips or reviews), imported labels included, raised in the transaction
    /// that writes them: rounds and retrains are reckoned from it per key press, where counting the events
    /// would cost time in proportion to the project.
    /// </summary>
    public int LabelsGiven { get; set; }

    /// <summary>
    /// Of <see cref="LabelsGiven"/>, those that came with an import (the imported-labels annotator): they
    /// count for retraining but make no labeling round.
    /// </summary>
    public int LabelsImported { get; set; }

    /// <summary>The image embedder that made the project's feature vectors; null for tables.</summary>
    public string? Embedder { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    public List<LabelClass> Classes { get; set; } = [];
}
