using System.Security.Claims;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Storage;
using LabelStudio.Web.Features.Access;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Features.Import;

internal static class UploadEndpoints
{
    /// <summary>
    /// Receives an import file as the raw request body and stores it as an uploaded import job.
    /// The X-Upload header is required: browsers will not send a custom header cross-site without a
    /// same-origin check, which keeps other sites from posting files with the user's cookie.
    /// </summary>
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/projects/{projectId:int}/uploads", async (
            int projectId, string name, HttpContext http, ProjectService projects, ImportJobService imports,
            IOptions<StorageOptions> storage, CancellationToken cancellationToken) =>
        {
            if (!http.Request.Headers.ContainsKey("X-Upload"))
            {
                return Results.Problem(
                    "Uploads must come from the import page.", statusCode: StatusCodes.Status400BadRequest);
            }
            if (await projects.GetAsync(projectId, cancellationToken) is null)
            {
                return Results.NotFound();
            }

            // Refused before reading, in our words: otherwise the server's own body limit answers in its own.
            var maxBytes = storage.Value.MaxUploadBytes;
            if (http.Request.ContentLength > maxBytes)
            {
                return TooLarge(name, maxBytes, http.Request.ContentLength);
            }
            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false })
            {
                limit.MaxRequestBodySize = maxBytes + 1;
            }

            try
            {
                var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
                var job = await imports.UploadAsync(projectId, name, http.Request.Body, userId, cancellationToken);
                return Results.Ok(new { jobId = job.Id });
            }
            catch (ImportFailedException failure)
            {
                return Results.Problem(failure.Errors[0].Message, statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            catch (BadHttpRequestException failure) when (failure.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(name, maxBytes, size: null);
            }
            catch (BadHttpRequestException failure)
            {
                return Results.Problem(failure.Message, statusCode: failure.StatusCode);
            }
        }).RequireAuthorization(ProjectPolicies.Manage);
        endpoints.MapImportReportEndpoint();
        return endpoints;
    }

    private static IResult TooLarge(string name, long limit, long? size) => Results.Problem(
        UploadLimit.TooLarge(Path.GetFileName(name), limit, size), statusCode: StatusCodes.Status413PayloadTooLarge);
}
