namespace LabelStudio.Ml.Tabular;

/// <summary>Learns one column's encoding from every row of the pool.</summary>
internal static class ColumnFitting
{
    private delegate bool Parser(string? cell, out double value);

    public static ColumnEncoding Fit(
        TabularColumn column, int index, IReadOnlyList<string?[]> rows, TabularFeaturizerOptions options) =>
        column.Kind switch
        {
            ColumnKind.Number => FitScaled(column, index, rows, CellParsers.TryNumber),
            ColumnKind.Date => FitScaled(column, index, rows, CellParsers.TryDate),
            ColumnKind.Boolean => FitBoolean(column, index, rows),
            ColumnKind.Category => FitCategory(column, index, rows, options.MaxCategories),
            ColumnKind.Text => new ColumnEncoding
            {
                Name = column.Name,
                Kind = column.Kind,
                Buckets = options.TextBuckets,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind."),
        };

    private static ColumnEncoding FitScaled(
        TabularColumn column, int index, IReadOnlyList<string?[]> rows, Parser parse)
    {
        // Welford's running mean and variance: one pass, stable for large values such as dates.
        long count = 0;
        var mean = 0.0;
        var squares = 0.0;
        var anyMissing = false;
        foreach (var row in rows)
        {
            if (!parse(row[index], out var value))
            {
                anyMissing = true;
                continue;
            }

            count++;
            var delta = value - mean;
            mean += delta / count;
            squares += delta * (value - mean);
        }

        var deviation = count > 0 ? Math.Sqrt(squares / count) : 0;
        return new ColumnEncoding
        {
            Name = column.Name,
            Kind = column.Kind,
            Mean = mean,
            Scale = deviation > 1e-12 ? deviation : 1,
            MissingIndicator = anyMissing,
        };
    }

    private static ColumnEncoding FitBoolean(TabularColumn column, int index, IReadOnlyList<string?[]> rows) => new()
    {
        Name = column.Name,
        Kind = column.Kind,
        MissingIndicator = rows.Any(row => !CellParsers.TryBoolean(row[index], out _)),
    };

    private static ColumnEncoding FitCategory(TabularColumn column, int index, IReadOnlyList<string?[]> rows, int cap)
    {
        var missingCount = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = CellParsers.CategoryKey(row[index]);
            if (key is null)
            {
                missingCount++;
            }
            else
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        // Most frequent first, ties by text, so refitting the same pool gives the same slots.
        var ranked = counts.Select(pair => (Key: (string?)pair.Key, Count: pair.Value));
        if (missingCount > 0)
        {
            ranked = ranked.Append((null, missingCount));
        }

        var categories = ranked
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(cap)
            .Select(c => c.Key)
            .ToArray();
        return new ColumnEncoding { Name = column.Name, Kind = column.Kind, Categories = categories };
    }
}
