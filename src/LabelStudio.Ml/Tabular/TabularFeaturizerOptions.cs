namespace LabelStudio.Ml.Tabular;

public sealed record TabularFeaturizerOptions
{
    /// <summary>Most frequent values that get their own one-hot slot; the rest share "other".</summary>
    public int MaxCategories { get; init; } = 50;

    public int TextBuckets { get; init; } = 256;

    public static TabularFeaturizerOptions Default { get; } = new();
}
