namespace LabelStudio.Ml.Tabular;

/// <summary>Writes one cell's features into its column's slice of the row vector.</summary>
internal static class ColumnEncoder
{
    public static void Encode(
        ColumnEncoding column, Dictionary<string, int>? categorySlots, string? cell, Span<float> output)
    {
        switch (column.Kind)
        {
            case ColumnKind.Number:
                WriteScaled(column, CellParsers.TryNumber(cell, out var number), number, output);
                break;
            case ColumnKind.Date:
                WriteScaled(column, CellParsers.TryDate(cell, out var days), days, output);
                break;
            case ColumnKind.Boolean:
                var known = CellParsers.TryBoolean(cell, out var flag);
                output[0] = known && flag ? 1f : 0f;
                WriteMissing(column, known, output);
                break;
            case ColumnKind.Category:
                output.Clear();
                output[CategorySlot(categorySlots!, cell, output.Length - 1)] = 1f;
                break;
            case ColumnKind.Text:
                TextHashing.AddFeatures(CellParsers.IsMissing(cell) ? string.Empty : cell!, output);
                break;
        }
    }

    private static void WriteScaled(ColumnEncoding column, bool known, double value, Span<float> output)
    {
        // Missing sits at the mean (0 after scaling); the indicator tells the model it was a guess.
        output[0] = known ? (float)((value - column.Mean) / column.Scale) : 0f;
        WriteMissing(column, known, output);
    }

    private static void WriteMissing(ColumnEncoding column, bool known, Span<float> output)
    {
        if (column.MissingIndicator)
        {
            output[1] = known ? 0f : 1f;
        }
    }

    private static int CategorySlot(Dictionary<string, int> slots, string? cell, int otherSlot)
    {
        // Missing is stored under the empty string, which no trimmed present value can be.
        var key = CellParsers.CategoryKey(cell) ?? string.Empty;
        return slots.TryGetValue(key, out var slot) ? slot : otherSlot;
    }
}
