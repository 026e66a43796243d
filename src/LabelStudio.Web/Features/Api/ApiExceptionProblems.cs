namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Turns a failure that escapes an API endpoint into a problem instead of the pages' error screen:
/// the server's own refusals of a body (too large, badly framed, cut off) keep their status and say
/// what went wrong; anything else is a 500 problem that names no internals.
/// </summary>
internal sealed partial class ApiExceptionProblems(ILogger<ApiExceptionProblems> logger)
{
    public static void Use(WebApplication app)
    {
        var problems = new ApiExceptionProblems(app.Services.GetRequiredService<ILogger<ApiExceptionProblems>>());
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments(ApiSetup.Prefix),
            api => api.Use(next => http => problems.InvokeAsync(http, next)));
    }

    private async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException refused) when (!http.Response.HasStarted)
        {
            LogRefusedBody(refused.StatusCode, refused.Message);
            await WriteAsync(http, refused.StatusCode, DetailOf(refused));
        }
        catch (Exception failure) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(failure, http.Request.Method, http.Request.Path);
            await WriteAsync(
                http,
                StatusCodes.Status500InternalServerError,
                "The server failed to answer this call; it was logged.");
        }
    }

    /// <summary>The body limit's wording is Kestrel's; ours says the same without its setting names.</summary>
    private static string DetailOf(BadHttpRequestException refused) => refused.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this call accepts.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        _ => $"The request could not be read: {refused.Message}",
    };

    private static Task WriteAsync(HttpContext http, int status, string detail)
    {
        http.Response.Clear();
        return Results.Problem(detail, statusCode: status).ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API request body refused with {Status}: {Reason}")]
    private partial void LogRefusedBody(int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "API call {Method} {Path} failed")]
    private partial void LogFailed(Exception failure, string method, string path);
}
