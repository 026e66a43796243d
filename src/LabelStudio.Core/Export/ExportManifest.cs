using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabelStudio.Core.Export;

/// <summary>One label class as listed in <c>classes.json</c>; the index is the model's class index.</summary>
public sealed record ExportedClass(int Index, string Name, string Color, string Hotkey);

public sealed record ExportCounts(long Rows, long Items, long Labels, long Skips);

/// <summary>
/// <c>manifest.json</c>: what was exported, from which project and model, with which options, so
/// the export can be checked and repeated.
/// </summary>
public sealed record ExportManifest(
    int FormatVersion,
    int ProjectId,
    string ProjectName,
    DateTimeOffset ExportedAt,
    string? ExportedBy,
    int? ModelVersion,
    ExportOptions Options,
    ExportCounts Counts,
    string DataFile,
    IReadOnlyList<string> Columns,
    IReadOnlyList<ExportedClass> Classes)
{
    public const string EntryName = "manifest.json";
    public const string ClassesEntryName = "classes.json";

    internal static readonly JsonSerializerOptions Json = new(ExportOptions.Json)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static ExportManifest Parse(Stream json) =>
        JsonSerializer.Deserialize<ExportManifest>(json, Json)
            ?? throw new InvalidDataException("The manifest is empty.");
}
