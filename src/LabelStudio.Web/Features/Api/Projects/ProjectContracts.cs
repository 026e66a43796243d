using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Web.Features.Api.Projects;

/// <summary>
/// A new project: its name and at least two classes; the rest has the settings page's defaults.
/// <paramref name="Kind"/> is what its items are (table, image or audio); table when not given.
/// </summary>
public sealed record CreateProjectRequest(
    string? Name,
    IReadOnlyList<string>? Classes,
    string? Description = null,
    string? Instructions = null,
    int? RoundSize = null,
    string? Strategy = null,
    bool? ShowSuggestions = null,
    DataKind? Kind = null);

public sealed record ClassResponse(int Id, string Name, string Hotkey, string Color);

public sealed record ProjectResponse(
    int Id,
    string Name,
    DataKind Kind,
    string Description,
    string Instructions,
    int RoundSize,
    string Strategy,
    IReadOnlyList<ClassResponse> Classes,
    int ItemCount,
    int LabeledCount,
    int? ModelVersion,
    double? EstimatedAccuracy);
