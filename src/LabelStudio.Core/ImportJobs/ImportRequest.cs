using System.Text.Json;
using System.Text.Json.Serialization;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// The user's choices for one upload: the column plan, and whether unknown label values become classes.
/// </summary>
public sealed record ImportRequest(TableImportPlan Plan, bool AddMissingClasses)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportRequest FromJson(string json) =>
        JsonSerializer.Deserialize<ImportRequest>(json, Json)
            ?? throw new InvalidDataException("The import request is empty.");
}
