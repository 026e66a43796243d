using System.Security.Claims;

namespace LabelStudio.Web.Features.Access;

/// <summary>What the signed-in user may do in one project, asked once so a page can show only their buttons.</summary>
public sealed record ProjectRights(bool Label, bool Export, bool Manage)
{
    public static readonly ProjectRights None = new(false, false, false);

    public static async Task<ProjectRights> OfAsync(
        ProjectAccess access, ClaimsPrincipal user, int projectId, CancellationToken cancellationToken) =>
        new(
            await access.CanLabelAsync(user, projectId, cancellationToken),
            await access.CanExportAsync(user, projectId, cancellationToken),
            await access.CanManageAsync(user, projectId, cancellationToken));
}
