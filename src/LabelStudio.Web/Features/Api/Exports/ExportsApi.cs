using LabelStudio.Core.Export;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Export;

namespace LabelStudio.Web.Features.Api.Exports;

internal static class ExportsApi
{
    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:int}/export.csv", CsvAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The labeled items as CSV, streamed: original columns, then the label and its metadata.");
    }

    private static async Task<IResult> CsvAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        ProjectService projects,
        CsvExporter exporter,
        CancellationToken cancellationToken)
    {
        if (await gate.ViewAsync(http.User, projectId, cancellationToken) is { } problem)
        {
            return problem;
        }

        var project = (await projects.GetAsync(projectId, cancellationToken))!;
        var fileName = $"{FileNames.Safe(project.Name)}-labels-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv";
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await exporter.WriteAsync(projectId, http.Response.Body, cancellationToken);
        return Results.Empty;
    }
}
