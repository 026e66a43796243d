using LabelStudio.Core.Import;

namespace LabelStudio.Cli.Simulate;

/// <summary>Which columns the model learns from, and which column (if any) only names the rows.</summary>
internal sealed record FeatureSelection(IReadOnlyList<string> Features, string? IdColumn, bool IdDetected)
{
    public static FeatureSelection Choose(ParsedTable table, string label, SimulateSettings settings)
    {
        var id = settings.IdColumn;
        if (id is not null)
        {
            ColumnLookup.Require(table, id, "--id-column");
            Refuse(id == label, $"{table.FileName}: '{id}' cannot be both the label and the id column.");
        }

        if (settings.Features is { } chosen)
        {
            foreach (var name in chosen)
            {
                ColumnLookup.Require(table, name, "--features");
                Refuse(name == label, $"{table.FileName}: the label column '{name}' cannot also be a feature.");
                Refuse(name == id, $"{table.FileName}: the id column '{name}' cannot also be a feature.");
            }

            return new FeatureSelection(chosen.Distinct().ToArray(), id, IdDetected: false);
        }

        var detected = id is null ? IdColumnDetector.Detect(table, label) : null;
        id ??= detected;
        var features = table.Columns.Where(c => c != label && c != id).ToArray();
        Refuse(features.Length == 0, $"{table.FileName}: no column is left to learn from besides the label and id.");
        return new FeatureSelection(features, id, IdDetected: detected is not null);
    }

    private static void Refuse(bool condition, string message)
    {
        if (condition)
        {
            throw new CliInputException(message);
        }
    }
}
