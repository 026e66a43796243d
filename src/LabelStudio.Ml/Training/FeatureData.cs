using Microsoft.ML;
using Microsoft.ML.Data;

namespace LabelStudio.Ml;

/// <summary>Builds IDataViews over float[] rows whose length is only known at run time.</summary>
internal static class FeatureData
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Score = "Score";

    public static IDataView ForTraining(
        MLContext ml, IReadOnlyList<float[]> rows, IReadOnlyList<uint> keys, int keyCount)
    {
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, rows[0].Length);
        schema[Label].ColumnType = new KeyDataViewType(typeof(uint), keyCount);

        var data = rows.Select((row, i) => new TrainingRow { Features = row, Label = keys[i] });
        return ml.Data.LoadFromEnumerable(data.ToArray(), schema);
    }

    public static IDataView ForScoring(MLContext ml, IEnumerable<float[]> rows, int dimensions)
    {
        var schema = SchemaDefinition.Create(typeof(ScoringRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);

        var data = rows.Select(row => new ScoringRow { Features = row });
        return ml.Data.LoadFromEnumerable(data, schema);
    }

    private sealed class TrainingRow
    {
        // Measured: LoadFromEnumerable reads a key field as the 0-based class slot, not as the raw
        // 1-based key (the class-index mapping test guards this).
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }

    private sealed class ScoringRow
    {
        public float[] Features { get; set; } = [];
    }
}
