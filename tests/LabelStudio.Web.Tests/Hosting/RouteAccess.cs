using System.Reflection;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Hosting;

/// <summary>
/// Every page and every endpoint the app maps, with the authorization it declares, and who that should
/// let in. The expectations are written out here, apart from the app's code, so a route that declares
/// the wrong rule fails the matrix, and a route that declares a rule the matrix does not know fails too.
/// </summary>
public static class RouteAccess
{
    public sealed record Route(string Method, string Template, IReadOnlyList<IAuthorizeData> Rules, bool Open)
    {
        public string SamplePath => RouteTable.SamplePath(Template);
        public bool IsProjectScoped => Template.Contains("{projectId", StringComparison.OrdinalIgnoreCase);
        public override string ToString() => $"{Method} {Template}";
    }

    /// <summary>Who may do what in a project, by project role: the table in docs/teams.md.</summary>
    private static readonly Dictionary<string, string[]> ProjectRolesAllowed = new()
    {
        [ProjectPolicies.View] = ["Annotator", "DataScientist", "Lead"],
        [ProjectPolicies.Label] = ["Annotator", "Lead"],
        [ProjectPolicies.Export] = ["DataScientist", "Lead"],
        [ProjectPolicies.Manage] = ["Lead"],
    };

    public static IEnumerable<Route> Pages() => RouteTable.Pages.Select(page => new Route(
        "GET",
        page.Template,
        [.. page.Component.GetCustomAttributes<AuthorizeAttribute>(inherit: true)],
        page.AllowsAnonymous));

    /// <summary>
    /// Endpoints the app's own code maps (not pages or framework assets), every method. The REST API is
    /// left to the API tests: it takes tokens, never the login cookie these clients carry, and asks
    /// ProjectAccess itself so it can answer 404 to outsiders (ApiMembershipTests).
    /// </summary>
    public static IEnumerable<Route> Endpoints(AppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly == typeof(Program).Assembly)
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Route(
                    method,
                    e.RoutePattern.RawText!,
                    [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>()],
                    e.Metadata.GetMetadata<IAllowAnonymous>() is not null)));

    /// <summary>Whether <paramref name="person"/> should get past the route's authorization.</summary>
    public static bool ShouldAllow(Route route, TeamUsers.Person person) =>
        route.Open || route.Rules.All(rule => Allows(rule, route, person));

    private static bool Allows(IAuthorizeData rule, Route route, TeamUsers.Person person)
    {
        if (rule.Roles is { } roles)
        {
            return roles.Split(',').Contains(person.Role);
        }
        if (rule.Policy is null)
        {
            return true;
        }
        if (!ProjectRolesAllowed.TryGetValue(rule.Policy, out var projectRoles))
        {
            throw new InvalidOperationException($"{route}: the matrix does not know the policy '{rule.Policy}'.");
        }
        if (!route.IsProjectScoped)
        {
            // Only creating a project manages without one.
            return rule.Policy == ProjectPolicies.Manage && person.Role is Roles.Admin or Roles.Lead;
        }
        return person.Role == Roles.Admin
            || person.ProjectRole is { } role && projectRoles.Contains(role.ToString());
    }
}
