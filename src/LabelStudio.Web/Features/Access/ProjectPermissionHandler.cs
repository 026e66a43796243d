using LabelStudio.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;

namespace LabelStudio.Web.Features.Access;

/// <summary>
/// Finds the project id in the route, whether the request is a plain HTTP one (the resource is the
/// HttpContext) or an interactive navigation (Blazor's router hands over its RouteData), and asks
/// <see cref="ProjectAccess"/>.
/// </summary>
internal sealed class ProjectPermissionHandler(ProjectAccess access)
    : AuthorizationHandler<ProjectPermissionRequirement>
{
    public const string RouteKey = "projectId";

    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, ProjectPermissionRequirement requirement)
    {
        var routeValue = context.Resource switch
        {
            HttpContext http => http.GetRouteValue(RouteKey),
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues.FirstOrDefault(
                pair => string.Equals(pair.Key, RouteKey, StringComparison.OrdinalIgnoreCase)).Value,
            _ => null,
        };

        if (routeValue is null)
        {
            // Only the new-project page manages without a project: creating one is for admins and leads.
            if (requirement.Permission == ProjectPermission.Manage &&
                (context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Lead)))
            {
                context.Succeed(requirement);
            }
            return;
        }

        if (int.TryParse(routeValue.ToString(), out var projectId) &&
            await access.HasAsync(context.User, projectId, requirement.Permission, CancellationToken.None))
        {
            context.Succeed(requirement);
        }
    }
}
