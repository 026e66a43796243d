using Microsoft.AspNetCore.Authorization;

namespace LabelStudio.Web.Features.Access;

internal static class AccessSetup
{
    public static IServiceCollection AddProjectAccess(this IServiceCollection services)
    {
        services.AddSingleton<ProjectAccess>();
        services.AddSingleton<IAuthorizationHandler, ProjectPermissionHandler>();
        services.AddAuthorizationBuilder().AddProjectPolicies();
        return services;
    }

    private static AuthorizationBuilder AddProjectPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, permission) in ProjectPolicies.Permissions)
        {
            builder.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new ProjectPermissionRequirement(permission)));
        }
        return builder;
    }
}
