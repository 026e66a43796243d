using LabelStudio.Core.Projects;
using LabelStudio.Core.Training;
using LabelStudio.Web.Features.Access;

namespace LabelStudio.Web.Features.Api.Models;

public sealed record ModelVersionResponse(
    int Version,
    DateTimeOffset CreatedAt,
    int LabelCount,
    double? EstimatedAccuracy,
    string AccuracyMethod,
    double? TruthAccuracy,
    int TruthItemCount,
    double TrainSeconds,
    double ScoreSeconds);

public sealed record RetrainResponse(string Message);

internal static class ModelsApi
{
    public static void MapModelsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:int}/models", ListAsync)
            .Produces<IReadOnlyList<ModelVersionResponse>>()
            .WithSummary("The project's model versions, newest first.");
        api.MapPost("/projects/{projectId:int}/retrain", RetrainAsync)
            .Produces<RetrainResponse>(StatusCodes.Status202Accepted)
            .WithSummary("Asks for a retrain, as the project page's Retrain button does (leads).");
    }

    private static async Task<IResult> ListAsync(
        int projectId, HttpContext http, ProjectGate gate, ProjectInsights insights,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.View, cancellationToken) is { } problem)
        {
            return problem;
        }

        // The hidden ground truth's score is for those who may export; an annotator who saw it could
        // tell how often the model's suggestions are right on the items still to label.
        var seesTruth = await gate.CheckAsync(http, projectId, ProjectPermission.Export, cancellationToken) is null;
        var models = await insights.ModelVersionsAsync(projectId, cancellationToken);
        return TypedResults.Ok(models.Select(m => new ModelVersionResponse(
            m.Version, m.CreatedAt, m.LabelCount, m.EstimatedAccuracy, m.AccuracyMethod,
            seesTruth ? m.TruthAccuracy : null, seesTruth ? m.TruthItemCount : 0,
            m.TrainSeconds, m.ScoreSeconds)).ToList());
    }

    private static async Task<IResult> RetrainAsync(
        int projectId, HttpContext http, ProjectGate gate, TrainingScheduler scheduler,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.Manage, cancellationToken) is { } problem)
        {
            return problem;
        }

        await scheduler.RequestAsync(projectId, cancellationToken);
        return TypedResults.Accepted(
            $"{ApiSetup.Prefix}/projects/{projectId}/models",
            new RetrainResponse("Retrain requested; the new version appears under models when it is ready."));
    }
}
