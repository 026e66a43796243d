namespace LabelStudio.Web.Features.Media;

internal static class MediaEndpoints
{
    public static IServiceCollection AddMediaFiles(this IServiceCollection services) =>
        services.AddSingleton<MediaFiles>();

    /// <summary>
    /// The pages' media URLs, for the signed-in browser; <see cref="MediaFiles"/> decides and serves.
    /// Anyone who may not see the file gets a bare 404, as for an item that does not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var variant in MediaVariants.All)
        {
            endpoints.MapGet($"/media/items/{{itemId:long}}/{variant}", async (
                    long itemId, HttpContext http, MediaFiles files, CancellationToken cancellationToken) =>
                    await files.ServeAsync(itemId, variant, http.User, http.Response, cancellationToken)
                    ?? Results.NotFound())
                .RequireAuthorization();
        }
        return endpoints;
    }
}
