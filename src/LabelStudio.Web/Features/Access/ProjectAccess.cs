using System.Security.Claims;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Web.Features.Access;

/// <summary>
/// The one place that decides what a signed-in user may do in a project, so every page, endpoint and
/// media URL asks the same question. Admins may do everything everywhere; everyone else acts through
/// their membership of the project: any member sees it, annotators and leads label, data scientists
/// and leads export, leads manage. A deactivated account may do nothing, even with a live session.
/// </summary>
public sealed class ProjectAccess(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Whether <paramref name="user"/> may see the project, its items, its media and its timeline.</summary>
    public Task<bool> CanViewAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken) =>
        HasAsync(user, projectId, ProjectPermission.View, cancellationToken);

    /// <summary>Whether <paramref name="user"/> may be served items and label them.</summary>
    public Task<bool> CanLabelAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken) =>
        HasAsync(user, projectId, ProjectPermission.Label, cancellationToken);

    /// <summary>Whether <paramref name="user"/> may download the project's labels.</summary>
    public Task<bool> CanExportAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken) =>
        HasAsync(user, projectId, ProjectPermission.Export, cancellationToken);

    /// <summary>Whether <paramref name="user"/> may change settings and members, import and ask for a retrain.</summary>
    public Task<bool> CanManageAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken) =>
        HasAsync(user, projectId, ProjectPermission.Manage, cancellationToken);

    public async Task<bool> HasAsync(
        ClaimsPrincipal user, int projectId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(user);
        if (userId is null)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Users
            .Where(u => u.Id == userId && u.DeactivatedAt == null)
            .Select(u => new
            {
                Role = db.ProjectMembers.Where(m => m.ProjectId == projectId && m.UserId == u.Id)
                    .Select(m => (ProjectRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        // Admins pass even for a project that does not exist, so they are told so; anyone else is
        // denied, which does not reveal whether a project they are not in exists.
        return found is not null &&
            (user.IsInRole(Roles.Admin) || found.Role is { } role && Allows(role, permission));
    }

    /// <summary>The project role's permissions; the matrix in docs/teams.md.</summary>
    public static bool Allows(ProjectRole role, ProjectPermission permission) => permission switch
    {
        ProjectPermission.View => true,
        ProjectPermission.Label => role is ProjectRole.Annotator or ProjectRole.Lead,
        ProjectPermission.Export => role is ProjectRole.DataScientist or ProjectRole.Lead,
        ProjectPermission.Manage => role is ProjectRole.Lead,
        _ => false,
    };

    /// <summary>Null when the user sees every project (admins), else their id, to list their projects only.</summary>
    public static string? MemberFilterFor(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? null : UserIdOf(user) ?? "";

    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
