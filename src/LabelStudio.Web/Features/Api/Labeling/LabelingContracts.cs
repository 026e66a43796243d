using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Api.Media;

namespace LabelStudio.Web.Features.Api.Labeling;

/// <summary>
/// The item the token's user should label now, held for them until <paramref name="ExpiresAt"/>.
/// <paramref name="Fields"/> are the item's id and feature columns as imported, in file order.
/// <paramref name="Media"/> is the image or clip and where to fetch it; null in a table project.
/// </summary>
public sealed record NextItemResponse(
    long LeaseId,
    long ItemId,
    string ExternalId,
    DateTimeOffset ExpiresAt,
    int ModelVersion,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyList<string> Classes,
    ItemMediaResponse? Media);

/// <summary>A decision: a class name (any case) or <c>skip: true</c>, with the lease the next-item call gave.</summary>
public sealed record LabelRequest(
    long? ItemId,
    long? LeaseId,
    string? Class,
    bool? Skip,
    string? Comment,
    double? SecondsSpent);

/// <summary>
/// One recorded decision; label events are never changed, a relabel adds one. <paramref name="Media"/> is
/// the labeled image or clip and where to fetch it; null in a table project.
/// </summary>
public sealed record LabelResponse(
    long Id,
    long ItemId,
    string ExternalId,
    LabelEventKind Kind,
    string? Class,
    string Annotator,
    string? Comment,
    DateTimeOffset CreatedAt,
    double SecondsSpent,
    int Round,
    int ModelVersion,
    ItemMediaResponse? Media);

/// <summary>Label events, oldest first; pass <paramref name="Next"/> as <c>after</c> for the next page.</summary>
public sealed record LabelPageResponse(IReadOnlyList<LabelResponse> Labels, long? Next);
