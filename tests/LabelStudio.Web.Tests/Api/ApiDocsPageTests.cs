using System.Net;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Api;

public sealed class ApiDocsPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheDocsPageSaysReadTokensMayStartExportsAsTheScopeFilterAllows()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);

        var response = await client.GetAsync("/api-docs");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("may only GET", html);
        var sentence = html[html.IndexOf("Read tokens", StringComparison.Ordinal)..][..300];
        Assert.Contains("POST /api/v1/projects/{projectId}/exports", sentence);
    }
}
