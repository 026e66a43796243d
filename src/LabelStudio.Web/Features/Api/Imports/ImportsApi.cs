using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Storage;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Api.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

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
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .WithSummary("Uploads a CSV, TSV or JSON lines file as the body and queues its import (leads).");
        api.MapGet("/projects/{projectId:int}/imports/{jobId:int}", GetAsync)
            .Produces<ImportJobResponse>()
            .WithSummary("An import's progress, result and every problem found.");
    }

    private static async Task<IResult> StartAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        ImportJobService imports,
        IOptions<StorageOptions> storage,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Manage, cancellationToken) is { } problem)
        {
            return problem;
        }
        var (request, errors) = ImportQuery.From(http.Request.Query).ToRequest();
        if (request is null)
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
            var fileName = http.Request.Query["fileName"].ToString();
            var job = await imports.UploadAsync(
                projectId, fileName, http.Request.Body, ApiClaims.UserId(http.User), cancellationToken);
            await imports.StartAsync(job.Id, request, cancellationToken);
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
