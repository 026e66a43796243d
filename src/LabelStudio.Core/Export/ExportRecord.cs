using LabelStudio.Core.Data.Entities;
using LabelStudio.Ml;

namespace LabelStudio.Core.Export;

/// <summary>One annotator decision as exported: a label, or a skip when <see cref="ClassName"/> is null.</summary>
public sealed record ExportedDecision(
    string? ClassName,
    string Annotator,
    DateTimeOffset At,
    int ModelVersion,
    int Round,
    QueryStrategy Strategy,
    double SecondsSpent,
    double? ScoreWhenServed,
    string? Comment,
    bool SuggestionShown);

/// <summary>
/// The original file behind a media item: its absolute path on disk, the name it was uploaded
/// under, and its path inside the ZIP or folder it came from.
/// </summary>
public sealed record ExportedMedia(string OriginalPath, string FileName, string SourcePath);

/// <summary>The current model's guess for an item, probabilities in the project's class order.</summary>
public sealed record ExportedPrediction(string ClassName, float[] Probabilities);

/// <summary>
/// One output row: an item's source values (aligned with <see cref="ExportSchema.SourceColumns"/>)
/// and one decision. Rows of one item always come one after another.
/// </summary>
public sealed class ExportRecord
{
    public required long ItemId { get; init; }
    public required string ExternalId { get; init; }
    public required string?[] Values { get; init; }
    public required ExportedDecision Decision { get; init; }

    /// <summary>Share of the item's annotators whose latest label is the item's current label.</summary>
    public double? Agreement { get; init; }

    /// <summary>How many annotators (the import counting as one) have labeled the item.</summary>
    public int Annotators { get; init; }

    /// <summary>
    /// How the item's final label was reached, on the row that carries it; null on other rows (earlier
    /// events, skips, other annotators' votes).
    /// </summary>
    public LabelSource? LabelSource { get; init; }

    /// <summary>The item's original file, filled in for media exports only.</summary>
    public ExportedMedia? Media { get; set; }

    public ExportedPrediction? Prediction { get; set; }
    public float[]? Features { get; set; }
}
