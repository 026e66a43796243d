using System.Net;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Account;

/// <summary>
/// Every page and endpoint, for every role, as a member of the project and as an outsider: the server
/// lets in exactly the people the matrix in <see cref="RouteAccess"/> names, and turns the others away
/// to the access-denied page. The routes come from the app itself, so a new one is in the matrix at once.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public static TheoryData<string> Pages => [.. RouteAccess.Pages().Where(p => !p.Open).Select(p => p.Template)];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageLetsInExactlyWhomTheMatrixNames(string template)
    {
        var page = RouteAccess.Pages().Single(p => p.Template == template);

        var wrong = await WrongOutcomesAsync(page);

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryEndpointLetsInExactlyWhomTheMatrixNames()
    {
        var endpoints = RouteAccess.Endpoints(fixture.App).ToList();

        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            wrong.AddRange(await WrongOutcomesAsync(endpoint));
        }

        Assert.Contains(endpoints, e => e.Template.EndsWith("export.csv", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Template.EndsWith("uploads", StringComparison.Ordinal));
        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryProjectRouteDeclaresAProjectPolicy()
    {
        var routes = RouteAccess.Pages().Concat(RouteAccess.Endpoints(fixture.App)).Where(r => r.IsProjectScoped);

        var unguarded = routes
            .Where(r => !r.Rules.Any(rule => rule.Policy is { } p && ProjectPolicies.Permissions.ContainsKey(p)))
            .Select(r => r.ToString());

        Assert.Empty(unguarded);
    }

    /// <summary>The people for whom the server's answer differs from the matrix, with what they got.</summary>
    private async Task<List<string>> WrongOutcomesAsync(RouteAccess.Route route)
    {
        await TeamUsers.EnsureAsync(fixture.App);
        var wrong = new List<string>();
        foreach (var person in TeamUsers.Everyone)
        {
            using var client = await TeamUsers.ClientForAsync(fixture.App, person);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.SamplePath);
            using var response = await client.SendAsync(request);

            var redirect = response.Headers.Location is { } location
                ? new Uri(client.BaseAddress!, location).AbsolutePath
                : null;
            var denied = response.StatusCode == HttpStatusCode.Redirect && redirect == "/access-denied";
            var expected = RouteAccess.ShouldAllow(route, person);
            if (denied == expected || (int)response.StatusCode >= 500)
            {
                wrong.Add($"{route} as {person}: expected {(expected ? "in" : "denied")}, got " +
                    $"{(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        return wrong;
    }
}
