namespace LabelStudio.Ml;

/// <summary>
/// Class probabilities of many rows in one flat array, row after row. Scoring a pool of tens of
/// thousands of items into one array instead of an array per row leaves the garbage collector one
/// object to skip over instead of one per item to copy while the ranking is built.
/// </summary>
public sealed class ProbabilityMatrix
{
    private readonly float[] _values;

    internal ProbabilityMatrix(int count, int classCount)
    {
        Count = count;
        ClassCount = classCount;
        _values = new float[count * classCount];
    }

    public int Count { get; }

    public int ClassCount { get; }

    /// <summary>The class distribution of one row, indexed by our class index.</summary>
    public ReadOnlySpan<float> this[int row] => _values.AsSpan(row * ClassCount, ClassCount);

    internal Span<float> Row(int row) => _values.AsSpan(row * ClassCount, ClassCount);
}
