using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// The methods the API's calls answer at a path. Routing answered 404 ("no such call") for a GET on a
/// POST-only call such as …/next, though 405 for other wrong methods; the status pages ask here instead.
/// </summary>
internal static class ApiMethods
{
    public static IReadOnlyList<string> AllowedAt(HttpContext http)
    {
        var endpoints = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints;
        var path = http.Request.Path;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || endpoint.RoutePattern.RawText is not { } pattern
                || !pattern.StartsWith(ApiSetup.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern), new RouteValueDictionary());
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                allowed.UnionWith(methods.HttpMethods);
            }
        }

        return [.. allowed];
    }
}
