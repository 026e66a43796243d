using System.Text.Json;
using System.Text.Json.Serialization;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// The user's choices for one upload: the column plan, and whether unknown label values become classes.
/// With <paramref name="FeaturesFromFile"/>, the plan names no feature columns and every column of the
/// file but the id and label column becomes one: an API client can queue a file it has not previewed.
/// </summary>
public sealed record ImportRequest(TableImportPlan Plan, bool AddMissingClasses, bool FeaturesFromFile = false)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// The plan to check the file against. When asked to fill it in from the file, a Label Studio export
    /// also gets its own id and label columns (the task id, the chosen class) unless the client named
    /// others, as the CLI does; then every other column is a feature.
    /// </summary>
    public TableImportPlan PlanFor(ParsedTable table)
    {
        if (!FeaturesFromFile)
        {
            return Plan;
        }
        // The reader puts the task id first and the choice last, renamed when a data key has the name.
        var isLabelStudio = table.Format.Format == TableFileFormat.LabelStudioJson;
        var id = Plan.IdColumn ?? (isLabelStudio ? table.Columns[0] : null);
        var label = Plan.LabelColumn ?? (isLabelStudio ? table.Columns[^1] : null);
        return Plan with
        {
            IdColumn = id,
            LabelColumn = label,
            FeatureColumns = [.. table.Columns.Where(c => c != id && c != label)],
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportRequest FromJson(string json) =>
        JsonSerializer.Deserialize<ImportRequest>(json, Json)
            ?? throw new InvalidDataException("The import request is empty.");
}
