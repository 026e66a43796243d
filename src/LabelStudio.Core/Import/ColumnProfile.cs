using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Import;

/// <summary>
/// The proposed kind of a column and what a user needs to judge it. Counts are over trimmed
/// values; <see cref="Examples"/> are the first distinct non-missing values, at most five.
/// </summary>
public sealed record ColumnProfile(
    string Name,
    ColumnKind Kind,
    int DistinctCount,
    int MissingCount,
    IReadOnlyList<string> Examples);
