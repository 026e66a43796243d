using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabelStudio.Ml.Tabular;

/// <summary>
/// Turns table rows into fixed-length feature vectors. Fit once on the whole pool (labeled or not),
/// keep the JSON state, and apply the same Transform to every row later.
/// </summary>
public sealed class TabularFeaturizer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly ColumnEncoding[] _columns;
    private readonly Dictionary<string, int>?[] _categorySlots;

    private TabularFeaturizer(IReadOnlyList<ColumnEncoding> columns)
    {
        _columns = [.. columns];
        _categorySlots = _columns.Select(SlotsOf).ToArray();
        Dimensions = _columns.Sum(c => c.Width);
    }

    public int Dimensions { get; }

    public IReadOnlyList<ColumnEncoding> Columns => _columns;

    public static TabularFeaturizer Fit(
        IReadOnlyList<TabularColumn> columns, IReadOnlyList<string?[]> rows, TabularFeaturizerOptions? options = null)
    {
        options ??= TabularFeaturizerOptions.Default;
        foreach (var row in rows)
        {
            if (row.Length != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Length} cells but there are {columns.Count} columns.");
            }
        }

        // Columns are independent, so wide tables (784 pixel columns) fit in parallel.
        var encodings = new ColumnEncoding[columns.Count];
        Parallel.For(0, columns.Count, c => encodings[c] = ColumnFitting.Fit(columns[c], c, rows, options));
        return new TabularFeaturizer(encodings);
    }

    public float[] Transform(string?[] row)
    {
        if (row.Length != _columns.Length)
        {
            throw new ArgumentException(
                $"The row has {row.Length} cells but the featurizer has {_columns.Length} columns.");
        }

        var features = new float[Dimensions];
        var offset = 0;
        for (var c = 0; c < _columns.Length; c++)
        {
            var width = _columns[c].Width;
            ColumnEncoder.Encode(_columns[c], _categorySlots[c], row[c], features.AsSpan(offset, width));
            offset += width;
        }

        return features;
    }

    /// <summary>Transforms many rows in parallel; the result keeps the input order.</summary>
    public float[][] TransformAll(IReadOnlyList<string?[]> rows)
    {
        var result = new float[rows.Count][];
        Parallel.For(0, rows.Count, i => result[i] = Transform(rows[i]));
        return result;
    }

    public string ToJson() =>
        JsonSerializer.Serialize(new FeaturizerState(FeaturizerState.CurrentVersion, _columns), Json);

    public static TabularFeaturizer FromJson(string json)
    {
        var state = JsonSerializer.Deserialize<FeaturizerState>(json, Json)
            ?? throw new JsonException("Empty featurizer state.");
        if (state.Version != FeaturizerState.CurrentVersion)
        {
            throw new JsonException($"Featurizer state version {state.Version} is not supported.");
        }

        return new TabularFeaturizer(state.Columns);
    }

    private static Dictionary<string, int>? SlotsOf(ColumnEncoding column)
    {
        if (column.Kind != ColumnKind.Category)
        {
            return null;
        }

        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = column.Categories ?? [];
        for (var i = 0; i < categories.Count; i++)
        {
            slots[categories[i] ?? string.Empty] = i;
        }

        return slots;
    }

    private sealed record FeaturizerState(int Version, IReadOnlyList<ColumnEncoding> Columns)
    {
        public const int CurrentVersion = 1;
    }
}
