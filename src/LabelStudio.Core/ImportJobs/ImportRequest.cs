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

    /// <summary>The plan to check the file against, its feature columns filled in from the file when asked.</summary>
    public TableImportPlan PlanFor(ParsedTable table) => FeaturesFromFile
        ? Plan with
        {
            FeatureColumns = [.. table.Columns.Where(c => c != Plan.IdColumn && c != Plan.LabelColumn)],
        }
        : Plan;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportRequest FromJson(string json) =>
        JsonSerializer.Deserialize<ImportRequest>(json, Json)
            ?? throw new InvalidDataException("The import request is empty.");
}
