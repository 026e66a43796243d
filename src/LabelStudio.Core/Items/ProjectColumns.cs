using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabelStudio.Core.Items;

/// <summary>Reads and writes the project's column list, kept as JSON on the project row.</summary>
public static class ProjectColumns
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<ProjectColumn> Parse(string json) =>
        JsonSerializer.Deserialize<List<ProjectColumn>>(json, Options) ?? [];

    public static string Serialize(IReadOnlyList<ProjectColumn> columns) => JsonSerializer.Serialize(columns, Options);
}
