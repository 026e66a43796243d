using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Reads a JSON request body within the API's size limit. Read here rather than bound by the framework
/// so a malformed body is answered with a problem that names the offending field. A property the
/// request does not have is refused rather than dropped: a typo would otherwise silently lose an option.
/// </summary>
internal sealed partial class ApiJsonBody(IOptions<JsonOptions> json, IOptions<ApiOptions> options)
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

        try
        {
            buffer.Position = 0;
            var body = await JsonSerializer.DeserializeAsync<T>(buffer, _strict, cancellationToken);
            return body is null ? (null, ApiProblems.Invalid("body", "A JSON object is required.")) : (body, null);
        }
        catch (JsonException failure)
        {
            return (null, Explain(failure, _strict.GetTypeInfo(typeof(T))));
        }
    }

    /// <summary>Names the field at fault and, where the request's shape tells, what would fit.</summary>
    private static IResult Explain(JsonException failure, JsonTypeInfo request)
    {
        var fields = string.Join(", ", request.Properties.Select(p => p.Name));
        if (UnmappedProperty().Match(failure.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            return ApiProblems.Invalid(name, $"'{name}' is not a field of this request; its fields are {fields}.");
        }

        var field = failure.Path is { Length: > 2 } path ? path[2..] : "body";
        var property = request.Properties.FirstOrDefault(p => p.Name == field);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type is { IsEnum: true })
        {
            var values = Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName);
            return ApiProblems.Invalid(field, $"Use one of: {string.Join(", ", values)}.");
        }
        return ApiProblems.Invalid(field, "This value is not valid JSON of the expected type.");
    }

    [GeneratedRegex("^The JSON property '(.+?)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    private static IResult TooLarge(int limit) =>
        ApiProblems.TooLarge($"JSON bodies are limited to {limit / 1024} KB.");
}
