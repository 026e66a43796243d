using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Ml;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Features.Api.Authentication;

namespace LabelStudio.Web.Features.Api.Projects;

internal static class ProjectsApi
{
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/projects", ListAsync)
            .WithSummary("The projects the token's user may see.");
        api.MapGet("/projects/{projectId:int}", GetAsync)
            .Produces<ProjectResponse>()
            .WithSummary("A project's settings, classes and counts.");
        api.MapPost("/projects", CreateAsync)
            .Accepts<CreateProjectRequest>("application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ProjectResponse>(StatusCodes.Status201Created)
            .WithSummary("Creates a project (Admin or Lead).");
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, ProjectService projects, ProjectAccess access, CancellationToken cancellationToken)
    {
        var visible = new List<ProjectSummary>();
        foreach (var project in await projects.ListAsync(ProjectAccess.MemberFilterFor(http.User), cancellationToken))
        {
            if (await access.CanViewAsync(http.User, project.Id, cancellationToken))
            {
                visible.Add(project);
            }
        }
        return TypedResults.Ok(visible);
    }

    private static async Task<IResult> GetAsync(
        int projectId,
        HttpContext http,
        ProjectGate gate,
        ProjectService projects,
        ProjectStatusService statuses,
        CancellationToken cancellationToken)
    {
        if (await gate.CheckAsync(http, projectId, ProjectPermission.View, cancellationToken) is { } problem)
        {
            return problem;
        }

        var project = (await projects.GetAsync(projectId, cancellationToken))!;
        var status = await statuses.GetAsync(projectId, cancellationToken);
        return TypedResults.Ok(ToResponse(project, status));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http,
        ApiJsonBody json,
        ProjectService projects,
        ProjectStatusService statuses,
        CancellationToken cancellationToken)
    {
        if (!http.User.IsInRole(Roles.Admin) && !http.User.IsInRole(Roles.Lead))
        {
            return ApiProblems.Forbidden("Only admins and leads may create projects.");
        }
        var (request, bodyProblem) = await json.ReadAsync<CreateProjectRequest>(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }
        var (draft, errors) = ProjectRequestReader.Read(request!);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        try
        {
            var created = await projects.CreateAsync(draft, ApiClaims.UserId(http.User), cancellationToken);
            var project = (await projects.GetAsync(created.Id, cancellationToken))!;
            var status = await statuses.GetAsync(created.Id, cancellationToken);
            return TypedResults.Created($"{ApiSetup.Prefix}/projects/{created.Id}", ToResponse(project, status));
        }
        catch (ProjectSettingsException refused)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["name"] = [.. refused.Problems] });
        }
    }

    private static ProjectResponse ToResponse(Project project, ProjectStatus status) => new(
        project.Id,
        project.Name,
        project.DataKind,
        project.Description,
        project.Instructions,
        project.RoundSize,
        QueryStrategyNames.ToName(project.Strategy),
        [.. project.Classes.Select(c => new ClassResponse(c.Id, c.Name, c.Hotkey, c.Color))],
        status.ItemCount,
        status.LabeledCount,
        status.ModelVersion,
        status.EstimatedAccuracy);
}
