using System.Security.Claims;
using LabelStudio.Core.Data;
using LabelStudio.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Asks <see cref="ProjectAccess"/> about every project-scoped call. A project the user may not see
/// answers 404 like a missing one, so its existence is not revealed.
/// </summary>
internal sealed class ProjectGate(ProjectAccess access, IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Null when the user may view (and label) the project; otherwise the problem to answer.</summary>
    public async Task<IResult?> ViewAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken)
    {
        if (!await access.CanViewAsync(user, projectId, cancellationToken) ||
            !await ExistsAsync(projectId, cancellationToken))
        {
            return ApiProblems.NotFound($"There is no project {projectId} you may see.");
        }
        return null;
    }

    /// <summary>Null when the user may manage the project (import, retrain); otherwise the problem to answer.</summary>
    public async Task<IResult?> ManageAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken)
    {
        if (await ViewAsync(user, projectId, cancellationToken) is { } problem)
        {
            return problem;
        }
        return await access.CanManageAsync(user, projectId, cancellationToken)
            ? null
            : ApiProblems.Forbidden($"Only the project's leads may do this in project {projectId}.");
    }

    private async Task<bool> ExistsAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken);
    }
}
