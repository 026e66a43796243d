namespace LabelStudio.Ml.Tabular;

/// <summary>
/// What Fit learned about one column; together they are the featurizer's saved JSON state.
/// Only the members that matter for the column's kind are set.
/// </summary>
public sealed record ColumnEncoding
{
    public required string Name { get; init; }

    public required ColumnKind Kind { get; init; }

    /// <summary>Number and Date: value subtracted before scaling (days since 1970 for dates).</summary>
    public double Mean { get; init; }

    /// <summary>Number and Date: the standard deviation, or 1 when the column is constant.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Number, Boolean and Date: a 0/1 "was missing" feature follows the value.</summary>
    public bool MissingIndicator { get; init; }

    /// <summary>Category: one slot per value, null standing for missing; an "other" slot follows.</summary>
    public IReadOnlyList<string?>? Categories { get; init; }

    /// <summary>Text: number of hashed word and word-pair buckets.</summary>
    public int Buckets { get; init; }

    public int Width => Kind switch
    {
        ColumnKind.Category => (Categories?.Count ?? 0) + 1,
        ColumnKind.Text => Buckets,
        _ => MissingIndicator ? 2 : 1,
    };
}
