using LabelStudio.Core.Export;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Access;

namespace LabelStudio.Web.Features.Export;

internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/projects/{projectId:int}/export.csv", async (
            int projectId,
            HttpContext http,
            ProjectService projects,
            ProjectAccess access,
            CsvExporter exporter,
            CancellationToken cancellationToken) =>
        {
            var project = await projects.GetAsync(projectId, cancellationToken);
            if (project is null || !await access.CanViewAsync(http.User, projectId, cancellationToken))
            {
                return Results.NotFound();
            }

            var fileName = $"{FileNames.Safe(project.Name)}-labels-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv";
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await exporter.WriteAsync(projectId, http.Response.Body, cancellationToken);
            return Results.Empty;
        }).RequireAuthorization();

        endpoints.MapGet("/projects/{projectId:int}/exports/{exportId:int}/download", async (
            int projectId,
            int exportId,
            HttpContext http,
            ProjectAccess access,
            ExportJobService exports,
            CancellationToken cancellationToken) =>
        {
            var job = await exports.GetAsync(exportId, cancellationToken);
            if (job is null || job.ProjectId != projectId
                || !await access.CanViewAsync(http.User, projectId, cancellationToken))
            {
                return Results.NotFound();
            }
            return exports.FilePath(job) is { } path
                ? Results.File(path, "application/zip", job.FileName, enableRangeProcessing: true)
                : Results.Problem(
                    $"Export {exportId} has no file: {job.Message}.", statusCode: StatusCodes.Status410Gone);
        }).RequireAuthorization();
        return endpoints;
    }
}
