using System.Text.Json;
using System.Text.Json.Serialization;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>The user's choices for an image import.</summary>
/// <param name="ImportFolder">The name of an admin-configured server folder; null for the uploaded ZIP.</param>
/// <param name="ClassFolders">What class subfolders (cat/001.png) mean; null to ignore them.</param>
/// <param name="SkipBadFiles">Import the good files and report the bad; by default one bad file rejects all.</param>
public sealed record MediaImportRequest(string? ImportFolder, LabelMode? ClassFolders, bool SkipBadFiles)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MediaImportRequest FromJson(string json) =>
        JsonSerializer.Deserialize<MediaImportRequest>(json, Json)
            ?? throw new InvalidDataException("The import request is empty.");
}
