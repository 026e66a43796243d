using System.Security.Claims;
using LabelStudio.Web.Features.Account;

namespace LabelStudio.Web.Features.Access;

/// <summary>
/// The one place that decides what a signed-in user may do in a project, so every page, endpoint and
/// media URL asks the same question. Until projects have members, every signed-in user may view and
/// label every project, and only leads may manage them.
/// </summary>
public sealed class ProjectAccess
{
    /// <summary>Whether <paramref name="user"/> may see the project, its items and its media, and label it.</summary>
    public Task<bool> CanViewAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken) =>
        Task.FromResult(user.Identity?.IsAuthenticated == true);

    /// <summary>Whether <paramref name="user"/> may change settings, import data and ask for a retrain.</summary>
    public Task<bool> CanManageAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken) =>
        Task.FromResult(user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Lead));
}
