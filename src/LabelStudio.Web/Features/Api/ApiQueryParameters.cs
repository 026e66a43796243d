namespace LabelStudio.Web.Features.Api;

/// <summary>
/// The query parameters an API call takes, kept as the endpoint's metadata. Every call refuses a
/// parameter it does not list, naming it and the ones it takes: otherwise a typo (<c>sinse</c>,
/// <c>badFiles</c>) is dropped and the call answers as if the option had never been asked for.
/// </summary>
internal sealed record ApiQueryParameters(IReadOnlyList<string> Names)
{
    /// <summary>The group's filter: the call's own parameters, or none when it lists none.</summary>
    public static async ValueTask<object?> FilterAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var taken = http.GetEndpoint()?.Metadata.GetMetadata<ApiQueryParameters>() ?? new ApiQueryParameters([]);
        var unknown = taken.Unknown(http.Request.Query);
        return unknown.Count > 0 ? ApiProblems.Invalid(unknown) : await next(context);
    }

    /// <summary>Each parameter of <paramref name="query"/> this call does not take, with what it does take.</summary>
    public Dictionary<string, string[]> Unknown(IQueryCollection query)
    {
        var takes = Names.Count == 0
            ? "this call takes no query parameters."
            : $"its parameters are {string.Join(", ", Names)}.";
        return query.Keys
            .Where(name => !Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(name => name, name => new[] { $"'{name}' is not a parameter of this call; {takes}" });
    }
}

internal static class ApiQueryParametersExtensions
{
    /// <summary>The query parameters this call reads; any other is refused by name.</summary>
    public static RouteHandlerBuilder TakesQuery(this RouteHandlerBuilder endpoint, params string[] names) =>
        endpoint.WithMetadata(new ApiQueryParameters(names));
}
