using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Reads a JSON request body within the API's size limit. Read here rather than bound by the framework
/// so a malformed body is answered with a problem that names the offending field. A property the
/// request does not have is refused rather than dropped: a typo would otherwise silently lose an option.
/// The framework's own binding answers 415 to a body without a JSON content type; reading by hand, we
/// check that ourselves, or a body sent with no Content-Type at all would pass (routing's content-type
/// match lets a request without one through to any endpoint).
/// </summary>
internal sealed class ApiJsonBody(IOptions<JsonOptions> json, IOptions<ApiOptions> options)
{
    private readonly JsonSerializerOptions _strict = new(json.Value.SerializerOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The body as <typeparamref name="T"/>; empty, it is <paramref name="whenEmpty"/> or refused.</summary>
    public async Task<(T? Body, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken, T? whenEmpty = null)
        where T : class
    {
        var limit = options.Value.MaxJsonBytes;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return whenEmpty is null
                ? (null, ApiProblems.Invalid("body", "A JSON body is required."))
                : (whenEmpty, null);
        }
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.UnsupportedMediaType());
        }

        try
        {
            buffer.Position = 0;
            var body = await JsonSerializer.DeserializeAsync<T>(buffer, _strict, cancellationToken);
            return body is null ? (null, ApiProblems.Invalid("body", "A JSON object is required.")) : (body, null);
        }
        catch (JsonException failure)
        {
            return (null, ApiJsonErrors.Explain(failure, _strict.GetTypeInfo(typeof(T))));
        }
    }

    private static IResult TooLarge(int limit) =>
        ApiProblems.TooLarge($"JSON bodies are limited to {limit / 1024} KB.");
}
