using System.Text;
using System.Text.Json;

namespace LabelStudio.Core.Import;

/// <summary>
/// Tells a Label Studio task from a plain JSON record: only a task holds its values in a <c>data</c>
/// object. Read as JSON lines, a task would import as one item whose single feature is that JSON text.
/// </summary>
internal static class LabelStudioTaskSniffer
{
    /// <param name="sample">The file's start; the first object may be cut off, and then it is not a task.</param>
    public static bool StartsWithTask(string sample)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(sample), isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isData = reader.ValueTextEquals("data");
                if (!reader.Read())
                {
                    return false;
                }
                if (isData)
                {
                    return reader.TokenType == JsonTokenType.StartObject;
                }
                if (!reader.TrySkip())
                {
                    return false;
                }
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
