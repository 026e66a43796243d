using System.Text.Json.Serialization;
using LabelStudio.Web.Features.Api.Authentication;
using LabelStudio.Web.Features.Api.Exports;
using LabelStudio.Web.Features.Api.Imports;
using LabelStudio.Web.Features.Api.Labeling;
using LabelStudio.Web.Features.Api.Media;
using LabelStudio.Web.Features.Api.Models;
using LabelStudio.Web.Features.Api.Projects;
using Microsoft.AspNetCore.Authentication;

namespace LabelStudio.Web.Features.Api;

internal static class ApiSetup
{
    public const string Policy = "api";
    public const string Prefix = "/api/v1";

    /// <summary>Token authentication, the API policy, rate limits, JSON and the OpenAPI document.</summary>
    public static IServiceCollection AddLabelStudioApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ApiOptions.Section);
        var options = section.Get<ApiOptions>() ?? new ApiOptions();
        services.Configure<ApiOptions>(section);

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiClaims.Scheme, null);

        // Only the token scheme: the login cookie never authorizes an API call, so there is no CSRF path.
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiClaims.Scheme)
            .RequireAuthenticatedUser());
        services.AddRateLimiter(limiter => ApiRateLimits.AddPerTokenPolicy(limiter, options));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(
            // Names only: a number would bind to any value of the enum's type, even one with no member.
            new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
        services.AddOpenApi(ApiOpenApi.DocumentName, ApiOpenApi.Configure);

        services.AddSingleton<ApiJsonBody>();
        services.AddSingleton<ProjectGate>();
        services.AddSingleton<LabelPages>();
        return services;
    }

    /// <summary>
    /// Answers that carry only a status under /api (an unknown path, a wrong method or content type)
    /// get a problem body too, so a client always has something to read. The pages keep their own.
    /// </summary>
    public static void UseApiStatusProblems(this WebApplication app) =>
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments("/api"),
            api => api.UseStatusCodePages(pages => StatusProblemAsync(pages.HttpContext)));

    private static Task StatusProblemAsync(HttpContext http)
    {
        // A call that exists at this path but not for this method; a call's own 404 keeps its meaning.
        if (http.Response.StatusCode == StatusCodes.Status404NotFound
            && ApiMethods.AllowedAt(http) is { Count: > 0 } allowed
            && !allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = string.Join(", ", allowed);
        }

        var detail = http.Response.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => ApiProblems.JsonExpected,
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not answer {http.Request.Method}.",
            StatusCodes.Status404NotFound => $"There is no API call at {http.Request.Path}.",
            _ => null,
        };
        return Results.Problem(detail, statusCode: http.Response.StatusCode).ExecuteAsync(http);
    }

    /// <summary>Failures inside API endpoints answer problems, never the pages' error screen.</summary>
    public static void UseApiExceptionProblems(this WebApplication app) => ApiExceptionProblems.Use(app);

    /// <summary>The Server-Timing header on API answers; before authentication, so the token check is timed.</summary>
    public static void UseApiServerTiming(this WebApplication app) => ApiServerTiming.Use(app);

    public static IEndpointRouteBuilder MapLabelStudioApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(ApiOpenApi.DocumentPath).AllowAnonymous();

        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(ApiRateLimits.PerToken)
            .AddEndpointFilter(WriteScopeFilterAsync)
            .AddEndpointFilter(ApiQueryParameters.FilterAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapProjectsApi();
        api.MapImportsApi();
        api.MapLabelingApi();
        api.MapMediaApi();
        api.MapModelsApi();
        api.MapExportsApi();
        return endpoints;
    }

    /// <summary>Every call that is not a read needs a read-write token, whatever the endpoint.</summary>
    private static async ValueTask<object?> WriteScopeFilterAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var isRead = ApiScopes.IsRead(http.Request.Method, http.GetEndpoint()?.Metadata);
        if (!isRead && !ApiClaims.CanWrite(http.User))
        {
            return ApiProblems.Forbidden("This token is read-only; this call needs a read-write token.");
        }
        return await next(context);
    }
}

/// <summary>Marks a POST that changes nothing in the project (starting an export): read tokens may call it.</summary>
internal sealed class ReadOnlyCall;
