using LabelStudio.Core.Export;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Teams;
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
            CsvExporter exporter,
            ActivityLog activity,
            CancellationToken cancellationToken) =>
        {
            // The Export policy has already checked membership; the project exists, or access was denied.
            var project = await projects.GetAsync(projectId, cancellationToken);
            if (project is null)
            {
                return Results.NotFound();
            }

            var fileName = $"{FileNames.Safe(project.Name)}-labels-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv";
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await activity.RecordAsync(projectId, ActivityType.Export, ProjectAccess.UserIdOf(http.User),
                $"Exported the labels as {fileName}", cancellationToken);
            await exporter.WriteAsync(projectId, http.Response.Body, cancellationToken);
            return Results.Empty;
        }).RequireAuthorization(ProjectPolicies.Export);
        return endpoints;
    }
}
