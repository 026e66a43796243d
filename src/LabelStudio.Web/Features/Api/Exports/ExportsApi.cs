using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Api.Authentication;
using LabelStudio.Web.Features.Export;

namespace LabelStudio.Web.Features.Api.Exports;

/// <summary>
/// Exports as background jobs: start one with its options, poll it, download its ZIP package
/// (data file, manifest, classes). The quick CSV streams the current labels at once.
/// </summary>
internal static class ExportsApi
{
    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:int}/exports", StartAsync)
            .Accepts<ExportOptions>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ExportJobResponse>(StatusCodes.Status202Accepted)
            .WithMetadata(new ReadOnlyCall())
            .WithSummary(
                "Queues an export (csv, json-lines, parquet, label-studio, media-folder); read tokens may call it.");
        api.MapGet("/projects/{projectId:int}/exports/{exportId:int}", GetAsync)
            .Produces<ExportJobResponse>()
            .WithSummary("An export's progress; 'download' is set when its package is ready.");
        api.MapGet("/projects/{projectId:int}/exports/{exportId:int}/file", DownloadAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .WithSummary("The finished export package (ZIP); 409 while it is still being written.");
        api.MapGet("/projects/{projectId:int}/export.csv", CsvAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The labeled items as CSV, streamed: original columns, then the label and its metadata.");
    }

    public static string PathOf(ExportJob job) => $"{ApiSetup.Prefix}/projects/{job.ProjectId}/exports/{job.Id}";

    private static async Task<IResult> StartAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        ApiJsonBody json,
        ExportJobService exports,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Export, cancellationToken) is { } problem)
        {
            return problem;
        }
        var (options, bodyProblem) = await json.ReadAsync(
            http.Request, cancellationToken, whenEmpty: new ExportOptions());
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        try
        {
            var job = await exports.StartAsync(projectId, options!, ApiClaims.UserId(http.User), cancellationToken);
            return TypedResults.Accepted(PathOf(job), ExportJobResponse.From(job));
        }
        catch (ExportRequestException refused)
        {
            return ApiProblems.Invalid(ByField(refused.Problems));
        }
    }

    private static async Task<IResult> GetAsync(
        int projectId, int exportId, HttpContext http, ProjectGate gate, ExportJobService exports,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Export, cancellationToken) is { } problem)
        {
            return problem;
        }

        var job = await exports.GetAsync(exportId, cancellationToken);
        return job is null || job.ProjectId != projectId
            ? ApiProblems.NotFound($"Project {projectId} has no export {exportId}.")
            : TypedResults.Ok(ExportJobResponse.From(job));
    }

    private static async Task<IResult> DownloadAsync(
        int projectId, int exportId, HttpContext http, ProjectGate gate, ExportJobService exports,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Export, cancellationToken) is { } problem)
        {
            return problem;
        }

        var job = await exports.GetAsync(exportId, cancellationToken);
        if (job is null || job.ProjectId != projectId)
        {
            return ApiProblems.NotFound($"Project {projectId} has no export {exportId}.");
        }
        if (job.Status is ExportStatus.Queued or ExportStatus.Running)
        {
            return ApiProblems.Conflict(
                $"Export {exportId} is still being written ({job.Progress:P0}); poll it first.");
        }
        return exports.FilePath(job) is { } path
            ? TypedResults.PhysicalFile(path, "application/zip", job.FileName)
            : ApiProblems.NotFound($"Export {exportId} has no file: {job.Status.ToString().ToLowerInvariant()}. " +
                job.Message);
    }

    private static async Task<IResult> CsvAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        ProjectService projects,
        CsvExporter exporter,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Export, cancellationToken) is { } problem)
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

    /// <summary>The export service names the option at fault before a colon: "format: …".</summary>
    private static Dictionary<string, string[]> ByField(IReadOnlyList<string> problems) => problems
        .Select(p => p.Split(": ", 2))
        .GroupBy(parts => parts.Length == 2 ? parts[0] : "options", parts => parts[^1])
        .ToDictionary(g => g.Key, g => g.ToArray());
}
