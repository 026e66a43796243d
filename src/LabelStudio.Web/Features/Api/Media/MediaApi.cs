using LabelStudio.Web.Features.Media;

namespace LabelStudio.Web.Features.Api.Media;

/// <summary>
/// An item's files for token holders: the same <see cref="MediaFiles"/> the pages' /media URLs serve
/// through, with the same rule (members of the item's project see it, anyone else gets 404 as for an
/// item that does not exist), ranges and content types. Only the sign-in differs, and the 404 is a problem.
/// </summary>
internal static class MediaApi
{
    private static readonly Dictionary<string, (string Summary, string[] ContentTypes)> Docs = new()
    {
        [MediaVariants.Original] = (
            "The item's file as imported, named in Content-Disposition; byte ranges honoured.",
            MediaVariants.KnownContentTypes),
        [MediaVariants.Display] = (
            "The browser-safe copy: PNG or JPEG for an image, WAV for a clip; byte ranges honoured.",
            ["image/png", "image/jpeg", "audio/wav"]),
        [MediaVariants.Thumbnail] = (
            "An image's thumbnail (the display copy itself when the image is small).",
            ["image/png", "image/jpeg"]),
        [MediaVariants.Waveform] = ("A clip's waveform picture.", ["image/png"]),
        [MediaVariants.Spectrogram] = ("A clip's spectrogram picture.", ["image/png"]),
    };

    public static string PathOf(long itemId) => $"{ApiSetup.Prefix}/items/{itemId}/media";

    public static void MapMediaApi(this RouteGroupBuilder api)
    {
        foreach (var variant in MediaVariants.All)
        {
            var (summary, contentTypes) = Docs[variant];
            api.MapGet($"/items/{{itemId:long}}/media/{variant}", (
                    long itemId, HttpContext http, MediaFiles files, CancellationToken cancellationToken) =>
                    ServeAsync(itemId, variant, http, files, cancellationToken))
                .Produces(StatusCodes.Status200OK, typeof(Stream), contentTypes[0], contentTypes[1..])
                .Produces(StatusCodes.Status206PartialContent, typeof(Stream), contentTypes[0], contentTypes[1..])
                .ProducesProblem(StatusCodes.Status404NotFound)
                .WithSummary(summary);
        }
    }

    private static async Task<IResult> ServeAsync(
        long itemId, string variant, HttpContext http, MediaFiles files, CancellationToken cancellationToken) =>
        await files.ServeAsync(itemId, variant, http.User, http.Response, cancellationToken)
        ?? ApiProblems.NotFound($"There is no item {itemId} with {Article(variant)} {variant} file that you may see.");

    private static string Article(string word) => "aeiou".Contains(word[0]) ? "an" : "a";
}
