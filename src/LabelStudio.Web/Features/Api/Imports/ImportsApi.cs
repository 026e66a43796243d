using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Storage;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Api.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace LabelStudio.Web.Features.Api.Imports;

/// <summary>
/// Imports through the same job machinery as the import page: the request only stores the file and
/// queues it; the worker checks every row and writes all or nothing while the client polls the job.
/// </summary>
internal static class ImportsApi
{
    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:int}/imports", StartAsync)
            .Accepts<Stream>("text/csv", "application/x-ndjson", "*/*")
            .TakesQuery([.. ImportQuery.Parameters.Select(p => p.Name)])
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .AddOpenApiOperationTransformer(DocumentQueryAsync)
            .WithSummary("Uploads a CSV, TSV or JSON lines file (tables) or a ZIP (images, audio) as the body " +
                "and queues its import (leads).");
        api.MapGet("/projects/{projectId:int}/imports/{jobId:int}", GetAsync)
            .Produces<ImportJobResponse>()
            .WithSummary("An import's progress, result and every problem found.");
    }

    private static async Task<IResult> StartAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        ImportJobService imports,
        ProjectService projects,
        IOptions<StorageOptions> storage,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Manage, cancellationToken) is { } problem)
        {
            return problem;
        }
        var project = (await projects.GetAsync(projectId, cancellationToken))!;
        var query = new ImportQuery(http.Request.Query);
        var (start, errors) = StartFor(project.DataKind, query, imports);
        if (start is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var limit = storage.Value.MaxUploadBytes;
        var tooLarge = ApiProblems.TooLarge($"Import files are limited to {limit / (1024 * 1024)} MB.");
        if (http.Request.ContentLength > limit)
        {
            return tooLarge;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + 1;
        }

        try
        {
            // Judged before anything is stored, so a wrong file makes no job and no upload to clean up.
            var body = http.Request.BodyReader;
            var prefix = await RequestBodyPeek.PeekAsync(body, UploadContentCheck.PrefixBytes, cancellationToken);
            if (UploadContentCheck.Refusal(project.DataKind, query.FileName, prefix) is { } refusal)
            {
                return ApiProblems.Invalid(
                    "body", $"'{Path.GetFileName(query.FileName)}' cannot be imported: {refusal}.");
            }

            var job = await imports.UploadAsync(
                projectId, query.FileName, body.AsStream(), ApiClaims.UserId(http.User), cancellationToken);
            await start(job.Id, cancellationToken);
            var queued = (await imports.GetAsync(job.Id, cancellationToken))!;
            return TypedResults.Accepted(
                $"{ApiSetup.Prefix}/projects/{projectId}/imports/{job.Id}", ImportJobResponse.From(queued));
        }
        catch (ImportFailedException overLimit)
        {
            return ApiProblems.TooLarge(overLimit.Errors[0].Message);
        }
        catch (BadHttpRequestException refused) when (refused.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body has no length to refuse up front: the server's limit stops it mid-copy.
            return tooLarge;
        }
    }

    /// <summary>How to queue the upload: a table plan or the media choices, by the project's kind.</summary>
    private static (Func<int, CancellationToken, Task>? Start, Dictionary<string, string[]> Errors) StartFor(
        DataKind kind, ImportQuery query, ImportJobService imports)
    {
        if (kind == DataKind.Table)
        {
            var (table, tableErrors) = query.ToTableRequest();
            return (table is null ? null : (jobId, ct) => imports.StartAsync(jobId, table, ct), tableErrors);
        }
        var (media, mediaErrors) = query.ToMediaRequest();
        return (media is null ? null : (jobId, ct) => imports.StartMediaAsync(jobId, media, ct), mediaErrors);
    }

    private static Task DocumentQueryAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        foreach (var (name, type, description) in ImportQuery.Parameters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = name == "fileName",
                Description = description,
                Schema = new OpenApiSchema
                {
                    Type = type == "boolean" ? JsonSchemaType.Boolean : JsonSchemaType.String,
                },
            });
        }
        return Task.CompletedTask;
    }

    private static async Task<IResult> GetAsync(
        int projectId, int jobId, HttpContext http, ProjectGate gate, ImportJobService imports,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Manage, cancellationToken) is { } problem)
        {
            return problem;
        }

        var job = await imports.GetAsync(jobId, cancellationToken);
        return job is null || job.ProjectId != projectId
            ? ApiProblems.NotFound($"Project {projectId} has no import {jobId}.")
            : TypedResults.Ok(ImportJobResponse.From(job));
    }
}
