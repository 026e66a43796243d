using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Which API calls a read token may make: every GET, and the POSTs marked <see cref="ReadOnlyCall"/>.
/// The scope filter and the docs page both ask here, so the page says what the code does.
/// </summary>
internal static partial class ApiScopes
{
    public static bool IsRead(string method, EndpointMetadataCollection? metadata) =>
        HttpMethods.IsGet(method) || metadata?.GetMetadata<ReadOnlyCall>() is not null;

    /// <summary>The calls other than GET that read tokens may make, as "POST /api/v1/…".</summary>
    public static IReadOnlyList<string> ReadCallsBesidesGet(EndpointDataSource endpoints) =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ReadOnlyCall>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => !HttpMethods.IsGet(m))
                .Select(m => $"{m} /{Constraint().Replace(e.RoutePattern.RawText?.TrimStart('/') ?? "", "}")}"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A route constraint such as <c>:int</c>, which readers of the docs do not need.</summary>
    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();
}
