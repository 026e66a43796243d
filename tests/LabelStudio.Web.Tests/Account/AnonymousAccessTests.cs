using System.Net;
using System.Reflection;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Account;

public sealed class AnonymousAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public static TheoryData<string> ProtectedPages =>
        [.. RouteTable.Pages.Where(page => !page.AllowsAnonymous).Select(page => page.SamplePath)];

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task PageSendsAnAnonymousVisitorToLoginAndBack(string path)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync(path);

        AssertRedirectedToLogin(client, response, path);
    }

    [Fact]
    public async Task ExportSendsAnAnonymousVisitorToLoginAndBack()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync("/projects/1/export.csv");

        AssertRedirectedToLogin(client, response, "/projects/1/export.csv");
    }

    [Fact]
    public void OnlyLoginInvitationsErrorsAndAccessDeniedAreOpenToAnonymousVisitors()
    {
        var open = RouteTable.Pages.Where(page => page.AllowsAnonymous).Select(page => page.Template);

        Assert.Equal(["/access-denied", "/error", "/invite", "/login"], open);
    }

    [Fact]
    public void TheRouteTableFindsEveryKnownPage()
    {
        var paths = RouteTable.Pages.Select(page => page.SamplePath).ToList();

        Assert.Superset(
            new HashSet<string> { "/", "/projects/1", "/projects/new", "/projects/1/settings", "/projects/1/label" },
            paths.ToHashSet());
    }

    [Fact]
    public async Task EveryGetEndpointOfTheAppIsOpenOnlyWhenMarkedSo()
    {
        var endpoints = OurGetEndpoints();
        using var client = fixture.App.CreateBrowserlessClient();

        var outcomes = new List<(string Path, bool MarkedOpen, HttpStatusCode Status)>();
        foreach (var (path, markedOpen) in endpoints)
        {
            using var response = await client.GetAsync(path);
            outcomes.Add((path, markedOpen, response.StatusCode));
        }

        Assert.Contains(outcomes, o => o.Path == "/health" && o.MarkedOpen && o.Status == HttpStatusCode.OK);
        Assert.Contains(outcomes, o => o.Path == "/projects/1/export.csv");
        Assert.All(outcomes, o => Assert.True(o.MarkedOpen == !Refused(o.Path, o.Status), o.ToString()));
    }

    /// <summary>Pages send a stranger to the login page; the API, which has no login page, answers 401.</summary>
    private static bool Refused(string path, HttpStatusCode status) => path.StartsWith("/api/")
        ? status == HttpStatusCode.Unauthorized
        : status == HttpStatusCode.Redirect;

    /// <summary>GET endpoints the app's own code maps (not pages or framework assets), with a sample path.</summary>
    private List<(string Path, bool MarkedOpen)> OurGetEndpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly == typeof(Program).Assembly)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (
                RouteTable.SamplePath(e.RoutePattern.RawText!),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .ToList();

    private static void AssertRedirectedToLogin(HttpClient client, HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(client.BaseAddress!.Authority, target.Authority);
        Assert.Equal("/login", target.AbsolutePath);
        Assert.Equal(path, QueryHelpers.ParseQuery(target.Query)["ReturnUrl"].ToString());
    }
}
