using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Media;

namespace LabelStudio.Web.Features.Api.Media;

/// <summary>
/// A media item's file as it was imported and where to fetch it, so a client needs no guessing.
/// <paramref name="Kind"/> is <c>image</c> or <c>audio</c>; <paramref name="Path"/> is the item's path as
/// annotators see it (the item's <c>path</c> field: a class folder kept as hidden ground truth is not in it,
/// or the answer would be readable); <paramref name="ContentType"/> is the original's,
/// <paramref name="DisplayContentType"/> the browser-safe copy's. Width and height are set for images, the
/// duration (seconds) for clips.
/// </summary>
public sealed record ItemMediaResponse(
    string Kind,
    string FileName,
    string Path,
    string Format,
    string ContentType,
    string DisplayContentType,
    long ByteSize,
    int? Width,
    int? Height,
    double? DurationSeconds,
    ItemMediaUrls Urls)
{
    /// <param name="itemPath">The item's external id, which a media import sets to the path people see.</param>
    internal static ItemMediaResponse From(ItemMedia media, string itemPath)
    {
        var isAudio = media.DurationSeconds is not null;
        return new ItemMediaResponse(
            isAudio ? "audio" : "image",
            media.FileName,
            itemPath,
            media.Format,
            MediaVariants.ContentTypeOf(media.OriginalFile),
            MediaVariants.ContentTypeOf(media.DisplayFile),
            media.ByteSize,
            isAudio ? null : media.Width,
            isAudio ? null : media.Height,
            media.DurationSeconds,
            ItemMediaUrls.For(media.ItemId, isAudio));
    }
}

/// <summary>
/// The item's files under /api/v1, relative to the server and fetched with the same token. A clip's
/// thumbnail is its waveform picture; only clips have a spectrogram.
/// </summary>
public sealed record ItemMediaUrls(string Original, string Display, string Thumbnail, string? Spectrogram)
{
    internal static ItemMediaUrls For(long itemId, bool isAudio)
    {
        var root = MediaApi.PathOf(itemId);
        return new ItemMediaUrls(
            $"{root}/{MediaVariants.Original}",
            $"{root}/{MediaVariants.Display}",
            $"{root}/{(isAudio ? MediaVariants.Waveform : MediaVariants.Thumbnail)}",
            isAudio ? $"{root}/{MediaVariants.Spectrogram}" : null);
    }
}
