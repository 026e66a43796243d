using System.Diagnostics;
using System.Security.Claims;
using LabelStudio.Core.Data;
using LabelStudio.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Asks <see cref="ProjectAccess"/> about every project-scoped call. A project the user may not see
/// answers 404 like a missing one, so its existence is not revealed; a member without the permission
/// the call needs gets 403.
/// </summary>
internal sealed class ProjectGate(ProjectAccess access, IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Null when the user may do <paramref name="permission"/> in the project; otherwise the answer.</summary>
    public async Task<IResult?> CheckAsync(
        HttpContext http, int projectId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await DecideAsync(http.User, projectId, permission, cancellationToken);
        }
        finally
        {
            ApiServerTiming.Add(http, "gate", started);
        }
    }

    private async Task<IResult?> DecideAsync(
        ClaimsPrincipal user, int projectId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        if (!await access.CanViewAsync(user, projectId, cancellationToken) ||
            !await ExistsAsync(projectId, cancellationToken))
        {
            return ApiProblems.NotFound($"There is no project {projectId} you may see.");
        }
        if (permission == ProjectPermission.View ||
            await access.HasAsync(user, projectId, permission, cancellationToken))
        {
            return null;
        }
        return ApiProblems.Forbidden(permission switch
        {
            ProjectPermission.Label => $"Only the annotators and leads of project {projectId} may label it.",
            ProjectPermission.Export => $"Only the data scientists and leads of project {projectId} may export it.",
            _ => $"Only the leads of project {projectId} may do this.",
        });
    }

    private async Task<bool> ExistsAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken);
    }
}
