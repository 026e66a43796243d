using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Reads a JSON request body within the API's size limit. Read here rather than bound by the framework
/// so a malformed body is answered with a problem that names the offending field.
/// </summary>
internal sealed class ApiJsonBody(IOptions<JsonOptions> json, IOptions<ApiOptions> options)
{
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

        try
        {
            buffer.Position = 0;
            var body = await JsonSerializer.DeserializeAsync<T>(
                buffer, json.Value.SerializerOptions, cancellationToken);
            return body is null ? (null, ApiProblems.Invalid("body", "A JSON object is required.")) : (body, null);
        }
        catch (JsonException failure)
        {
            var field = failure.Path is { Length: > 2 } path ? path[2..] : "body";
            return (null, ApiProblems.Invalid(field, "This value is not valid JSON of the expected type."));
        }
    }

    private static IResult TooLarge(int limit) =>
        ApiProblems.TooLarge($"JSON bodies are limited to {limit / 1024} KB.");
}
