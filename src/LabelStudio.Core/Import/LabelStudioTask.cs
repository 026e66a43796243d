using System.Text.Json;

namespace LabelStudio.Core.Import;

/// <summary>One Label Studio task read for import: its id, data values and chosen class.</summary>
internal sealed record LabelStudioTask(long Line, string? Id, Dictionary<string, string?> Data, string? Choice)
{
    /// <summary>Reads a task; problems go to <paramref name="errors"/> naming the task and its line.</summary>
    public static LabelStudioTask? Read(JsonElement task, int number, long line, ErrorCollector errors)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            errors.Add(line, null, $"task {number} is not a JSON object");
            return null;
        }
        var id = task.TryGetProperty("id", out var idElement) ? CellText(idElement) : null;
        var name = id is null ? $"task {number}" : $"task {number} (id {id})";
        if (!task.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            errors.Add(line, "data", $"{name} has no 'data' object");
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            values[property.Name.Trim()] = CellText(property.Value);
        }
        var choice = LatestChoice(task, name, line, errors, out var valid);
        return valid ? new LabelStudioTask(line, id, values, choice) : null;
    }

    /// <summary>The single class chosen in the latest annotation that was not cancelled, if any.</summary>
    private static string? LatestChoice(
        JsonElement task, string name, long line, ErrorCollector errors, out bool valid)
    {
        valid = true;
        if (!task.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var kept = annotations.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object
                && !(a.TryGetProperty("was_cancelled", out var cancelled) && cancelled.ValueKind == JsonValueKind.True))
            .Select(a => Choices(a).ToList())
            .LastOrDefault(c => c.Count > 0);
        if (kept is null)
        {
            return null;
        }
        if (kept.Count > 1)
        {
            valid = false;
            var listed = string.Join(", ", kept.Select(c => $"'{c}'"));
            errors.Add(line, "annotations", $"{name}: its latest annotation chooses {kept.Count} classes ({listed}); "
                + "only single-choice classification can be imported");
            return null;
        }
        return kept[0];
    }

    private static IEnumerable<string> Choices(JsonElement annotation)
    {
        if (!annotation.TryGetProperty("result", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }
        foreach (var result in results.EnumerateArray())
        {
            var isChoice = result.ValueKind == JsonValueKind.Object
                && result.TryGetProperty("type", out var type) && type.ValueEquals("choices")
                && result.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
                && value.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array;
            if (!isChoice)
            {
                continue;
            }
            foreach (var choice in result.GetProperty("value").GetProperty("choices").EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.String && choice.GetString() is { Length: > 0 } text)
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>As in JSON lines: numbers keep their JSON text, nested values their raw JSON.</summary>
    private static string? CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
