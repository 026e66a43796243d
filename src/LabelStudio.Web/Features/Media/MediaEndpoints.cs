using LabelStudio.Core.Data;
using LabelStudio.Core.Storage;
using LabelStudio.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace LabelStudio.Web.Features.Media;

internal static class MediaEndpoints
{
    private static readonly string[] Variants = ["display", "thumb", "original", "waveform", "spectrogram"];

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".jfif"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
        [".webp"] = "image/webp",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".wav"] = "audio/wav",
        [".mp3"] = "audio/mpeg",
        [".ogg"] = "audio/ogg",
    };

    /// <summary>
    /// Serves an item's display copy, thumbnail or original (for a clip also its waveform and
    /// spectrogram), found by item id in the database: no part of the request becomes a path. Only
    /// users the project's access rule lets view it get a file; everyone else gets 404, so item ids
    /// reveal nothing. An item's files never change, so browsers may keep them. Range requests are
    /// honoured, so a browser can seek in a clip and start playing before the whole file arrives.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var variant in Variants)
        {
            endpoints.MapGet($"/media/items/{{itemId:long}}/{variant}", (
                    long itemId,
                    HttpContext http,
                    IDbContextFactory<AppDbContext> contexts,
                    DataDirectory dataDirectory,
                    ProjectAccess access,
                    CancellationToken cancellationToken) =>
                    ServeAsync(itemId, variant, http, contexts, dataDirectory, access, cancellationToken))
                .RequireAuthorization();
        }
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(
        long itemId,
        string variant,
        HttpContext http,
        IDbContextFactory<AppDbContext> contexts,
        DataDirectory dataDirectory,
        ProjectAccess access,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var media = await db.ItemMedia.AsNoTracking().FirstOrDefaultAsync(m => m.ItemId == itemId, cancellationToken);
        if (media is null || !await access.CanViewAsync(http.User, media.ProjectId, cancellationToken))
        {
            return Results.NotFound();
        }

        var fileName = variant switch
        {
            "display" => media.DisplayFile,
            "thumb" or "waveform" => media.ThumbnailFile,
            "spectrogram" => media.SpectrogramFile,
            _ => media.OriginalFile,
        };
        if (fileName is null)
        {
            return Results.NotFound();
        }
        var path = Path.Combine(dataDirectory.Root, media.StoredFolder, fileName);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");
        var etag = new EntityTagHeaderValue($"\"{itemId}-{variant}\"");
        return variant == "original"
            ? Results.File(path, contentType, media.FileName, entityTag: etag, enableRangeProcessing: true)
            : Results.File(path, contentType, entityTag: etag, enableRangeProcessing: true);
    }
}
