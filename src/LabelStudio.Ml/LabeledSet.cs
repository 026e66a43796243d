namespace LabelStudio.Ml;

/// <summary>
/// Labeled rows for training. Labels are class indices 0..ClassCount-1; classes nobody has labeled
/// yet are simply absent.
/// </summary>
public sealed record LabeledSet(IReadOnlyList<float[]> Features, IReadOnlyList<int> Labels, int ClassCount)
{
    public int Count => Labels.Count;

    /// <summary>Feature length shared by every row (0 for an empty set).</summary>
    public int Dimensions => Features.Count == 0 ? 0 : Features[0].Length;

    /// <summary>Rows picked by index, for folds and simulations.</summary>
    public LabeledSet Subset(IReadOnlyList<int> indices) =>
        new(indices.Select(i => Features[i]).ToArray(), indices.Select(i => Labels[i]).ToArray(), ClassCount);

    internal void Validate()
    {
        if (ClassCount < 1)
        {
            throw new ArgumentException("A labeled set needs at least one class.");
        }

        if (Features.Count != Labels.Count)
        {
            throw new ArgumentException($"{Features.Count} feature rows but {Labels.Count} labels.");
        }

        if (Count == 0)
        {
            throw new ArgumentException("A labeled set needs at least one row to train on.");
        }

        var dimensions = Dimensions;
        for (var i = 0; i < Count; i++)
        {
            if (Features[i].Length != dimensions)
            {
                throw new ArgumentException($"Row {i} has {Features[i].Length} features, expected {dimensions}.");
            }

            if (Labels[i] < 0 || Labels[i] >= ClassCount)
            {
                throw new ArgumentException($"Label {Labels[i]} of row {i} is outside 0..{ClassCount - 1}.");
            }
        }
    }
}
