using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LabelStudio.Ml;

/// <summary>
/// A trained model that answers in our class indices: probabilities are float[ClassCount] with 0
/// for classes that had no labels when it was trained.
/// </summary>
public sealed partial class Classifier
{
    // Below this many rows per chunk, a parallel cursor costs more than it saves.
    private const int MinimumRowsPerChunk = 2_000;

    private readonly MLContext _ml;
    private readonly ITransformer? _model;
    private readonly int[] _presentClasses;

    internal Classifier(MLContext ml, ITransformer? model, int classCount, int featureCount, int[] presentClasses)
    {
        _ml = ml;
        _model = model;
        _presentClasses = presentClasses;
        ClassCount = classCount;
        FeatureCount = featureCount;
    }

    public int ClassCount { get; }

    public int FeatureCount { get; }

    /// <summary>The classes that had labels at training time, ascending.</summary>
    public IReadOnlyList<int> TrainedClasses => _presentClasses;

    /// <summary>True when only one class had labels: every prediction is that class with certainty.</summary>
    public bool IsDegenerate => _model is null;

    internal static Classifier SingleClass(int classCount, int featureCount, int onlyClass) =>
        new(new MLContext(seed: 0), null, classCount, featureCount, [onlyClass]);

    /// <summary>Class probabilities per row, indexed by our class index.</summary>
    /// <param name="maxThreads">How many cores scoring may use at once; 0 means all of them.</param>
    public float[][] PredictProbabilities(IReadOnlyList<float[]> rows, int maxThreads = 0)
    {
        var matrix = PredictProbabilityMatrix(rows, maxThreads);
        var result = new float[matrix.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = matrix[i].ToArray();
        }

        return result;
    }

    /// <summary>The same probabilities in one flat matrix: for scoring a whole pool.</summary>
    /// <param name="maxThreads">How many cores scoring may use at once; 0 means all of them.</param>
    public ProbabilityMatrix PredictProbabilityMatrix(IReadOnlyList<float[]> rows, int maxThreads = 0)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != FeatureCount)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} features, expected {FeatureCount}.");
            }
        }

        var result = new ProbabilityMatrix(rows.Count, ClassCount);
        if (_model is null)
        {
            for (var i = 0; i < result.Count; i++)
            {
                result.Row(i)[_presentClasses[0]] = 1f;
            }

            return result;
        }

        ScoreInChunks(_model, rows, result, maxThreads > 0 ? maxThreads : Environment.ProcessorCount);
        return result;
    }

    /// <summary>Most probable class per row; a tie goes to the lower class index.</summary>
    public int[] Predict(IReadOnlyList<float[]> rows)
    {
        var probabilities = PredictProbabilityMatrix(rows);
        var predicted = new int[probabilities.Count];
        for (var i = 0; i < predicted.Length; i++)
        {
            predicted[i] = ArgMax(probabilities[i]);
        }

        return predicted;
    }

    public static int ArgMax(float[] probabilities) => ArgMax(probabilities.AsSpan());

    public static int ArgMax(ReadOnlySpan<float> probabilities)
    {
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        return best;
    }

    internal MaximumEntropyModelParameters? WarmStartFor(int[] presentClasses, int featureCount) =>
        _model is MulticlassPredictionTransformer<MaximumEntropyModelParameters> transformer
            && featureCount == FeatureCount
            && presentClasses.AsSpan().SequenceEqual(_presentClasses)
            ? transformer.Model
            : null;

    private void ScoreInChunks(
        ITransformer model, IReadOnlyList<float[]> rows, ProbabilityMatrix result, int maxThreads)
    {
        // Data views and transforms are built on this thread (cheap and lazy); only the cursors,
        // which do the arithmetic, run in parallel, each over its own slice of the pool.
        var chunkCount = Math.Clamp(rows.Count / MinimumRowsPerChunk, 1, maxThreads);
        var chunkSize = (rows.Count + chunkCount - 1) / chunkCount;
        var scored = new IDataView[chunkCount];
        lock (_ml)
        {
            // The context is shared by concurrent callers of this model; building views touches it.
            for (var c = 0; c < chunkCount; c++)
            {
                var start = c * chunkSize;
                var count = Math.Min(chunkSize, rows.Count - start);
                var slice = Enumerable.Range(start, Math.Max(count, 0)).Select(i => rows[i]);
                scored[c] = model.Transform(FeatureData.ForScoring(_ml, slice, FeatureCount));
            }
        }

        Parallel.For(0, chunkCount, c => ReadScores(scored[c], result, c * chunkSize));
    }

    private void ReadScores(IDataView scored, ProbabilityMatrix result, int offset)
    {
        var scoreColumn = scored.Schema[FeatureData.Score];
        using var cursor = scored.GetRowCursor([scoreColumn]);
        var getter = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        VBuffer<float> scores = default;
        var row = offset;
        while (cursor.MoveNext())
        {
            getter(ref scores);
            var probabilities = result.Row(row++);
            if (scores.IsDense)
            {
                // Read in place: the enumerator below costs an object per row.
                var values = scores.GetValues();
                for (var slot = 0; slot < values.Length; slot++)
                {
                    probabilities[_presentClasses[slot]] = values[slot];
                }
                continue;
            }

            var sparseSlot = 0;
            foreach (var value in scores.DenseValues())
            {
                probabilities[_presentClasses[sparseSlot++]] = value;
            }
        }
    }
}
