using System.Diagnostics;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Asks the question <see cref="ProjectAccess"/> answers for every project-scoped call, in one read:
/// does the project exist, is the account active, what is its role there. A project the user may not
/// see answers 404 like a missing one, so its existence is not revealed; a member without the
/// permission the call needs gets 403. The rules are <see cref="ProjectAccess.Allows"/>.
/// </summary>
internal sealed class ProjectGate(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Null when the user may do <paramref name="permission"/> in the project; otherwise the answer.</summary>
    public async Task<IResult?> CheckAsync(
        HttpContext http, int projectId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await DecideAsync(http, projectId, permission, cancellationToken);
        }
        finally
        {
            ApiServerTiming.Add(http, "gate", started);
        }
    }

    private async Task<IResult?> DecideAsync(
        HttpContext http, int projectId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        var userId = ProjectAccess.UserIdOf(http.User) ?? "";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Projects
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                Active = db.Users.Any(u => u.Id == userId && u.DeactivatedAt == null),
                Role = db.ProjectMembers.Where(m => m.ProjectId == p.Id && m.UserId == userId)
                    .Select(m => (ProjectRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        var isAdmin = http.User.IsInRole(Roles.Admin);
        if (found is not { Active: true } || (!isAdmin && found.Role is null))
        {
            return ApiProblems.NotFound($"There is no project {projectId} you may see.");
        }
        if (isAdmin || ProjectAccess.Allows(found.Role!.Value, permission))
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
}
