using System.Text.Json;

namespace LabelStudio.Ml.Features;

/// <summary>
/// Rescales every slot of fixed-length vectors to zero mean and unit variance over a pool, so that
/// slots measured in hertz and slots near zero weigh alike under the trainer's L2 penalty. Fit once
/// on the whole pool (labeled or not), keep the JSON state, and transform every vector with it.
/// A slot that never varies maps to 0.
/// </summary>
public sealed class FeatureStandardizer
{
    private readonly float[] _means;
    private readonly float[] _scales;

    private FeatureStandardizer(float[] means, float[] scales)
    {
        _means = means;
        _scales = scales;
    }

    public int Dimensions => _means.Length;

    public static FeatureStandardizer Fit(IReadOnlyList<float[]> vectors)
    {
        if (vectors.Count == 0)
        {
            throw new ArgumentException("At least one vector is needed to fit a standardizer.", nameof(vectors));
        }

        var dimensions = vectors[0].Length;
        var means = new float[dimensions];
        var scales = new float[dimensions];
        for (var slot = 0; slot < dimensions; slot++)
        {
            var mean = vectors.Average(v => (double)v[slot]);
            var deviation = Math.Sqrt(vectors.Average(v => (v[slot] - mean) * (v[slot] - mean)));
            means[slot] = (float)mean;
            scales[slot] = deviation > 1e-9 ? (float)deviation : 1f;
        }

        return new FeatureStandardizer(means, scales);
    }

    public float[] Transform(float[] vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"The vector has {vector.Length} slots but the standardizer has {Dimensions}.");
        }

        return vector.Select((value, slot) => (value - _means[slot]) / _scales[slot]).ToArray();
    }

    public float[][] TransformAll(IReadOnlyList<float[]> vectors) => vectors.Select(Transform).ToArray();

    public string ToJson() => JsonSerializer.Serialize(new State(_means, _scales));

    public static FeatureStandardizer FromJson(string json)
    {
        var state = JsonSerializer.Deserialize<State>(json) ?? throw new JsonException("Empty standardizer state.");
        if (state.Means.Length != state.Scales.Length)
        {
            throw new JsonException("Standardizer state has different numbers of means and scales.");
        }

        return new FeatureStandardizer(state.Means, state.Scales);
    }

    private sealed record State(float[] Means, float[] Scales);
}
