using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabelStudio.Ml;

/// <summary>Writes strategies by their user-facing name so result files read like the CLI arguments.</summary>
public sealed class QueryStrategyJsonConverter : JsonConverter<QueryStrategy>
{
    public override QueryStrategy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString() ?? throw new JsonException("A query strategy name is required.");
        try
        {
            return QueryStrategyNames.Parse(name);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, QueryStrategy value, JsonSerializerOptions options) =>
        writer.WriteStringValue(QueryStrategyNames.ToName(value));
}
