using System.Security.Claims;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Storage;
using LabelStudio.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace LabelStudio.Web.Features.Media;

/// <summary>
/// Serves an item's display copy, thumbnail or original (for a clip also its waveform and
/// spectrogram), found by item id in the database: no part of the request becomes a path. Only
/// users the project's access rule lets view it get a file, so item ids reveal nothing. An item's
/// files never change, so clients may keep them. Range requests are honoured, so a player can seek
/// in a clip and start before the whole file arrives. The pages (login cookie) and the API (token)
/// both serve through here; they differ only in how the user was signed in and how "no" is worded.
/// </summary>
internal sealed class MediaFiles(
    IDbContextFactory<AppDbContext> contexts, DataDirectory dataDirectory, ProjectAccess access)
{
    /// <summary>The file's answer, or null when there is no such file the user may see.</summary>
    public async Task<IResult?> ServeAsync(
        long itemId, string variant, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var media = await db.ItemMedia.AsNoTracking().FirstOrDefaultAsync(m => m.ItemId == itemId, cancellationToken);
        if (media is null || !await access.CanViewAsync(user, media.ProjectId, cancellationToken))
        {
            return null;
        }

        var fileName = FileOf(media, variant);
        if (fileName is null)
        {
            return null;
        }
        var path = Path.Combine(dataDirectory.Root, media.StoredFolder, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, max-age=31536000, immutable";
        var contentType = MediaVariants.ContentTypeOf(fileName);
        var etag = new EntityTagHeaderValue($"\"{itemId}-{variant}\"");
        return variant == MediaVariants.Original
            ? Results.File(path, contentType, media.FileName, entityTag: etag, enableRangeProcessing: true)
            : Results.File(path, contentType, entityTag: etag, enableRangeProcessing: true);
    }

    private static string? FileOf(ItemMedia media, string variant) => variant switch
    {
        MediaVariants.Display => media.DisplayFile,
        MediaVariants.Thumbnail or MediaVariants.Waveform => media.ThumbnailFile,
        MediaVariants.Spectrogram => media.SpectrogramFile,
        MediaVariants.Original => media.OriginalFile,
        _ => null,
    };
}
