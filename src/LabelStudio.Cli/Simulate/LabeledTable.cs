using LabelStudio.Core.Import;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// A labeled file made ready to replay: a feature vector and a class index per labeled row.
/// Classes are the distinct trimmed label values in ordinal order.
/// </summary>
internal sealed record LabeledTable(
    string FileName,
    string LabelColumn,
    int DroppedRows,
    IReadOnlyList<string> Classes,
    IReadOnlyList<int> ClassSizes,
    IReadOnlyList<TabularColumn> Features,
    FeatureSelection Selection,
    float[][] Vectors,
    int[] Labels)
{
    public static async Task<LabeledTable> LoadAsync(SimulateSettings settings, CancellationToken ct)
    {
        // 1. Read the file with the import's own parser, so the CLI accepts what the app accepts.
        var table = await InputFile.ParseAsync(settings.Input, ct);
        var labelColumn = settings.LabelColumn
            ?? throw new InvalidOperationException("The command line lets no table through without a label column.");
        var labelIndex = ColumnLookup.Require(table, labelColumn, "--label-column");

        // 2. Keep only the rows the oracle can answer for, and name their classes.
        var rows = table.Rows.Where(r => !CellValue.IsMissing(r.Values[labelIndex])).ToArray();
        var labeled = table with { Rows = rows };
        var names = rows.Select(r => r.Values[labelIndex]!.Trim()).ToArray();
        var classes = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        CheckTwoClasses(table.FileName, labelColumn, classes, rows.Length);
        var classOf = classes.Index().ToDictionary(c => c.Item, c => c.Index, StringComparer.Ordinal);
        var labels = names.Select(name => classOf[name]).ToArray();

        // 3. Features with the kinds the import would infer, fitted on the whole pool like the app's.
        var selection = FeatureSelection.Choose(labeled, labelColumn, settings);
        var columnIndexes = selection.Features.Select(labeled.IndexOf).ToArray();
        var columns = columnIndexes
            .Select(i => new TabularColumn(labeled.Columns[i], ColumnTypeInference.InferColumn(labeled, i).Kind))
            .ToArray();
        var values = rows.Select(r => columnIndexes.Select(i => r.Values[i]).ToArray()).ToArray();
        var vectors = TabularFeaturizer.Fit(columns, values).TransformAll(values);

        var sizes = classes.Select((_, c) => labels.Count(l => l == c)).ToArray();
        return new LabeledTable(
            table.FileName, labelColumn, table.Rows.Count - rows.Length, classes, sizes, columns,
            selection, vectors, labels);
    }

    private static void CheckTwoClasses(string fileName, string column, string[] classes, int labeledRows)
    {
        var message = classes.Length switch
        {
            0 => "no row has a label",
            1 => $"only one class ('{classes[0]}') among {labeledRows} labeled rows; at least two are needed",
            _ => null,
        };
        if (message is not null)
        {
            throw new CliInputException($"{fileName}, column '{column}': {message}.");
        }
    }
}
