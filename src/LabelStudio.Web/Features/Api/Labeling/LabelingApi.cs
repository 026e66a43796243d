using System.Diagnostics;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Api.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabelStudio.Web.Features.Api.Labeling;

/// <summary>Labeling as on the labeling page: lease the next item, post a decision, read the decisions.</summary>
internal static class LabelingApi
{
    public static void MapLabelingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:int}/next", NextAsync)
            .Produces<NextItemResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Leases the item the token's user should label now; 204 when none is left.");
        api.MapPost("/projects/{projectId:int}/labels", LabelAsync)
            .Accepts<LabelRequest>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<LabelResponse>(StatusCodes.Status201Created)
            .WithSummary("Labels or skips an item; 409 when the item moved on without you.");
        api.MapGet("/projects/{projectId:int}/labels", ListAsync)
            .TakesQuery("after", "limit")
            .Produces<LabelPageResponse>()
            .AddOpenApiOperationTransformer(DocumentPagingAsync)
            .WithSummary("Label events, oldest first, paged by 'after' (the last id seen) and 'limit'.");
    }

    private static async Task<IResult> NextAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        QueueService queue,
        LabelPages pages,
        ProjectService projects,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Label, cancellationToken) is { } problem)
        {
            return problem;
        }

        var started = Stopwatch.GetTimestamp();
        var lease = await queue.NextAsync(projectId, ApiClaims.UserId(http.User), cancellationToken);
        ApiServerTiming.Add(http, "lease", started);
        if (lease is null)
        {
            return TypedResults.NoContent();
        }
        var project = (await projects.GetAsync(projectId, cancellationToken))!;
        var (externalId, fields) = await pages.FieldsAsync(project, lease.ItemId, cancellationToken);
        var media = await pages.MediaAsync(project, lease.ItemId, cancellationToken);
        return TypedResults.Ok(new NextItemResponse(
            lease.Id, lease.ItemId, externalId, lease.ExpiresAt, lease.ModelVersion, fields,
            [.. project.Classes.Select(c => c.Name)], media));
    }

    private static async Task<IResult> LabelAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        ApiJsonBody json,
        ProjectService projects,
        LabelingService labeling,
        LabelPages pages,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Label, cancellationToken) is { } problem)
        {
            return problem;
        }
        var (request, bodyProblem) = await json.ReadAsync<LabelRequest>(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }
        var project = (await projects.GetAsync(projectId, cancellationToken))!;
        var (classId, errors) = LabelRequestReader.Read(request!, project);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var submission = new LabelSubmission(
            projectId, request!.ItemId!.Value, ApiClaims.UserId(http.User), classId,
            request.SecondsSpent ?? 0, request.Comment, SuggestionShown: false, request.LeaseId);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var recorded = await labeling.SubmitAsync(submission, cancellationToken);
            ApiServerTiming.Add(http, "save", started);
            var externalId = await pages.ExternalIdAsync(recorded.ItemId, cancellationToken);
            var media = await pages.MediaAsync(project, recorded.ItemId, cancellationToken);
            return TypedResults.Created(
                $"{ApiSetup.Prefix}/projects/{projectId}/labels?after={recorded.Id - 1}&limit=1",
                ToResponse(recorded, externalId, project, http.User.Identity?.Name ?? recorded.UserId) with
                {
                    Media = media,
                });
        }
        catch (LabelingException refused) when (refused.ItemTaken)
        {
            // The API serves nothing unasked: say how to get the next item rather than promise one.
            return ApiProblems.Conflict(
                $"{refused.Message} Ask for another with POST {ApiSetup.Prefix}/projects/{projectId}/next.");
        }
        catch (LabelingException refused) when (refused.WrongLease)
        {
            return ApiProblems.Invalid("leaseId", refused.Message);
        }
        catch (LabelingException refused)
        {
            return ApiProblems.Invalid("itemId", refused.Message);
        }
    }

    private static async Task<IResult> ListAsync(
        int projectId,
        string? after,
        string? limit,
        HttpContext http,
        ProjectGate gate,
        LabelPages pages,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Export, cancellationToken) is { } problem)
        {
            return problem;
        }
        // Read by hand: a value the framework cannot bind would be refused with no word on which one.
        var errors = new Dictionary<string, string[]>();
        var afterId = ApiQuery.WholeNumber(after, nameof(after), errors) ?? 0;
        var pageSize = ApiQuery.WholeNumber(limit, nameof(limit), errors) ?? 100;
        if (!errors.ContainsKey(nameof(limit)) && pageSize is < 1 or > LabelPages.MaxLimit)
        {
            errors[nameof(limit)] = [$"limit must be between 1 and {LabelPages.MaxLimit}."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        return TypedResults.Ok(await pages.PageAsync(projectId, afterId, (int)pageSize, cancellationToken));
    }

    /// <summary>The paging values are read as text to name a bad one; the document still says what they take.</summary>
    private static Task DocumentPagingAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            (parameter.Description, parameter.Schema) = parameter.Name switch
            {
                "after" => ("The last label event id seen; 0 or absent for the first page.", Integer("int64")),
                "limit" => ($"Events per page, 1 to {LabelPages.MaxLimit}; 100 when absent.", Integer("int32")),
                _ => (parameter.Description, parameter.Schema),
            };
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Integer(string format) => new() { Type = JsonSchemaType.Integer, Format = format };

    private static LabelResponse ToResponse(
        LabelEvent recorded, string externalId, Project project, string annotator) =>
        new(
            recorded.Id,
            recorded.ItemId,
            externalId,
            recorded.Kind,
            project.Classes.FirstOrDefault(c => c.Id == recorded.ClassId)?.Name,
            annotator,
            recorded.Comment,
            recorded.CreatedAt,
            recorded.SecondsSpent,
            recorded.Round,
            recorded.ModelVersion,
            Media: null);
}
