using LabelStudio.Ml;
using LabelStudio.Ml.Tabular;
using Parquet;
using Parquet.Schema;

namespace LabelStudio.Core.Export.Writers;

/// <summary>The Parquet schema of an export and one row group's values, column by column.</summary>
internal sealed class ParquetColumns
{
    private readonly List<Column> _columns = [];

    public ParquetColumns(ExportSchema schema)
    {
        var names = schema.Columns;
        for (var c = 0; c < schema.SourceColumns.Count; c++)
        {
            _columns.Add(SourceColumn(schema.SourceColumns[c], schema.SourceKinds[c], c));
        }

        _columns.Add(new TextColumn(names.Label, r => r.Decision.ClassName));
        _columns.Add(new ValueColumn<bool>(new DataField<bool>(names.Skipped), r => r.Decision.ClassName is null));
        _columns.Add(new TextColumn(names.Annotator, r => r.Decision.Annotator));
        _columns.Add(new ValueColumn<DateTime>(
            new DateTimeDataField(names.LabeledAt, DateTimeFormat.Timestamp, isAdjustedToUTC: true),
            r => r.Decision.At.UtcDateTime));
        _columns.Add(new ValueColumn<int>(new DataField<int>(names.ModelVersion), r => r.Decision.ModelVersion));
        _columns.Add(new ValueColumn<int>(new DataField<int>(names.Round), r => r.Decision.Round));
        _columns.Add(new TextColumn(names.Strategy, r => QueryStrategyNames.ToName(r.Decision.Strategy)));
        _columns.Add(new ValueColumn<double>(
            new DataField<double>(names.SecondsSpent), r => r.Decision.SecondsSpent));
        _columns.Add(new NullableColumn<double>(names.ScoreWhenServed, r => r.Decision.ScoreWhenServed));
        _columns.Add(new ValueColumn<bool>(
            new DataField<bool>(names.SuggestionShown), r => r.Decision.SuggestionShown));
        _columns.Add(new TextColumn(names.Comment, r => r.Decision.Comment));
        _columns.Add(new NullableColumn<double>(names.Agreement, r => r.Agreement));
        _columns.Add(new ValueColumn<int>(new DataField<int>(names.Annotators), r => r.Annotators));

        if (names.PredictedLabel is not null)
        {
            _columns.Add(new TextColumn(names.PredictedLabel, r => r.Prediction?.ClassName));
            for (var k = 0; k < names.Probabilities.Count; k++)
            {
                var index = k;
                _columns.Add(new NullableColumn<float>(
                    names.Probabilities[k], r => r.Prediction?.Probabilities[index]));
            }
        }
        for (var i = 0; i < names.Features.Count; i++)
        {
            var index = i;
            _columns.Add(new NullableColumn<float>(
                names.Features[i], r => r.Features is { } f && index < f.Length ? f[index] : null));
        }

        Schema = new ParquetSchema(_columns.Select(c => c.Field));
    }

    public ParquetSchema Schema { get; }

    public int Count { get; private set; }

    public void Add(ExportRecord record)
    {
        foreach (var column in _columns)
        {
            column.Add(record);
        }
        Count++;
    }

    public async Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken)
    {
        foreach (var column in _columns)
        {
            await column.WriteAsync(group, cancellationToken);
        }
    }

    public void Clear()
    {
        foreach (var column in _columns)
        {
            column.Clear();
        }
        Count = 0;
    }

    /// <summary>
    /// Numbers as nullable doubles, yes/no values as nullable booleans, dates as UTC timestamps,
    /// categories and text as strings. Missing values, missing markers and cells that do not read as
    /// the column's kind are null.
    /// </summary>
    private static Column SourceColumn(string name, ColumnKind kind, int index) => kind switch
    {
        ColumnKind.Number => new NullableColumn<double>(
            new DataField<double?>(name), r => SourceCell.Number(r.Values[index])),
        ColumnKind.Boolean => new NullableColumn<bool>(
            new DataField<bool?>(name), r => SourceCell.Boolean(r.Values[index])),
        ColumnKind.Date => new NullableColumn<DateTime>(
            new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, isNullable: true),
            r => SourceCell.Date(r.Values[index])),
        _ => new TextColumn(name, r => r.Values[index]),
    };

    private abstract class Column
    {
        public abstract DataField Field { get; }

        public abstract void Add(ExportRecord record);

        public abstract Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken);

        public abstract void Clear();
    }

    private sealed class TextColumn(string name, Func<ExportRecord, string?> value) : Column
    {
        private readonly List<string> _values = [];

        public override DataField Field { get; } = new DataField<string>(name, true);

        public override void Add(ExportRecord record) => _values.Add(value(record)!);

        public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken) =>
            group.WriteAsync(Field, _values, null);

        public override void Clear() => _values.Clear();
    }

    private sealed class ValueColumn<T>(DataField dataField, Func<ExportRecord, T> value) : Column
        where T : struct
    {
        private readonly List<T> _values = [];

        public override DataField Field => dataField;

        public override void Add(ExportRecord record) => _values.Add(value(record));

        public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken) =>
            group.WriteAsync<T>(Field, _values.ToArray(), null, null, cancellationToken);

        public override void Clear() => _values.Clear();
    }

    private sealed class NullableColumn<T>(DataField dataField, Func<ExportRecord, T?> value) : Column
        where T : struct
    {
        private readonly List<T?> _values = [];

        public NullableColumn(string name, Func<ExportRecord, T?> value)
            : this(new DataField<T?>(name), value)
        {
        }

        public override DataField Field => dataField;

        public override void Add(ExportRecord record) => _values.Add(value(record));

        public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken) =>
            group.WriteAsync<T>(Field, _values.ToArray(), null, null, cancellationToken);

        public override void Clear() => _values.Clear();
    }
}
