using System.Text.Json;
using LabelStudio.Ml.Simulation;

namespace LabelStudio.Cli.Simulate;

/// <summary>Writes {"runs":[{"strategy":"margin","seed":0,"curve":[{"labels":20,"accuracy":0.61}]}]}.</summary>
internal static class JsonReport
{
    // Web defaults give the camelCase names; strategies write their CLI names through their converter.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Fails before any training when the file could not be written afterwards.</summary>
    public static void CheckFolderExists(string? path)
    {
        if (path is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliInputException($"{path}: the folder does not exist (--json).");
        }
    }

    public static async Task WriteAsync(string path, SimulationResult result, CancellationToken ct)
    {
        try
        {
            await using var file = File.Create(path);
            await JsonSerializer.SerializeAsync(file, result, Json, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: cannot be written ({e.Message}).");
        }
    }
}
