using LabelStudio.Ml.Tabular;

namespace LabelStudio.Benchmarks;

/// <summary>Fashion-MNIST as the app would see it: a table of 784 numeric columns, through TabularFeaturizer.</summary>
internal static class PixelTable
{
    // One string per byte value keeps the 47M-cell table at the cost of its references.
    private static readonly string[] Cells = Enumerable.Range(0, 256).Select(v => v.ToString()).ToArray();

    public static TabularColumn[] Columns(int width) =>
        Enumerable.Range(0, width).Select(i => new TabularColumn($"pixel{i}", ColumnKind.Number)).ToArray();

    public static string?[][] Rows(byte[][] images) =>
        images.Select(image => image.Select(b => (string?)Cells[b]).ToArray()).ToArray();
}
