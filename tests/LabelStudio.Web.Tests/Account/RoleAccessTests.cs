using System.Net;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Account;

public sealed class RoleAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string AnnotatorEmail = "annotator@labelstudio.test";
    private const string AnnotatorPassword = "an annotator's password";

    public static TheoryData<string> ProtectedPages =>
        [.. RouteTable.Pages.Where(page => !page.AllowsAnonymous).Select(page => page.SamplePath)];

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task EveryPageRendersForTheAdmin(string path)
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/projects/new")]
    [InlineData("/projects/1/settings")]
    public async Task AnnotatorIsTurnedAwayFromLeadPages(string path)
    {
        using var client = await AnnotatorClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/projects/1")]
    [InlineData("/projects/1/label")]
    [InlineData("/projects/1/export.csv")]
    public async Task AnnotatorOpensTheLabelingPages(string path)
    {
        using var client = await AnnotatorClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A client logged in as an annotator, created through Identity like an invited user.</summary>
    private async Task<HttpClient> AnnotatorClientAsync()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(AnnotatorEmail) is null)
            {
                var annotator = new AppUser
                {
                    UserName = AnnotatorEmail,
                    Email = AnnotatorEmail,
                    DisplayName = "Annotator",
                };
                Assert.True((await users.CreateAsync(annotator, AnnotatorPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(annotator, Roles.Annotator)).Succeeded);
            }
        }

        var client = fixture.App.CreateBrowserlessClient();
        using var login = await LoginForm.PostAsync(client, AnnotatorEmail, AnnotatorPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }
}
