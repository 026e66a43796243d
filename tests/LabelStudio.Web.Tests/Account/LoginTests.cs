using System.Net;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Account;

public sealed class LoginTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string AuthCookie = ".AspNetCore.Identity.Application";

    [Fact]
    public async Task LoginPageOpensWithoutLoggingIn()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync("/login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"email\"", html);
        Assert.Contains("id=\"password\"", html);
        Assert.Contains("id=\"login-submit\"", html);
    }

    [Fact]
    public async Task RightPasswordSetsTheCookieAndReturnsToTheAskedPage()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await LoginForm.PostAsync(
            client, AppFactory.AdminEmail, AppFixture.AdminPassword, returnUrl: "/projects/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(client.BaseAddress!, "/projects/1"), Target(client, response));
        Assert.Contains(SetCookies(response), c => c.StartsWith(AuthCookie + "="));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("http://evil.example")]
    [InlineData("https://evil.example/projects")]
    [InlineData("/\\evil.example")]
    [InlineData(" //evil.example")]
    public async Task ReturnUrlToAnotherHostSendsTheUserHome(string returnUrl)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await LoginForm.PostAsync(client, AppFactory.AdminEmail, AppFixture.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(client.BaseAddress!, "/"), Target(client, response));
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    public async Task ReturnUrlWithControlCharactersStaysOnThisHost(string returnUrl)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await LoginForm.PostAsync(client, AppFactory.AdminEmail, AppFixture.AdminPassword, returnUrl);

        // Browsers drop tabs and newlines from a URL, so "/\t/evil.example" would read as "//evil.example".
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(client.BaseAddress!.Authority, Target(client, response).Authority);
    }

    [Fact]
    public async Task WrongPasswordShowsTheErrorAndSetsNoCookie()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await LoginForm.PostAsync(client, AppFactory.AdminEmail, "not the password at all");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That email and password do not match an account.", html);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "="));
    }

    [Fact]
    public async Task UnknownEmailShowsTheSameErrorAsAWrongPassword()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await LoginForm.PostAsync(client, "nobody@labelstudio.test", AppFixture.AdminPassword);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That email and password do not match an account.", html);
    }

    [Fact]
    public async Task EmailIsMatchedWhateverItsCase()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        var shouted = AppFactory.AdminEmail.ToUpperInvariant();

        var response = await LoginForm.PostAsync(client, shouted, AppFixture.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(SetCookies(response), c => c.StartsWith(AuthCookie + "="));
    }

    [Fact]
    public async Task LoggedInUserSeesTheProjects()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"projects-title\"", html);
        Assert.Contains("Penguins", html);
    }

    [Fact]
    public async Task LogoutEndsTheSessionAndSendsTheUserToLogin()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);

        var logout = await client.PostAsync("/account/logout", content: null);
        var afterwards = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/login", Target(client, logout).AbsolutePath);
        Assert.Contains(SetCookies(logout), c => c.StartsWith(AuthCookie + "=;"));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/login", Target(client, afterwards).AbsolutePath);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    /// <summary>Where a browser would go next, resolved the way it resolves a Location header.</summary>
    private static Uri Target(HttpClient client, HttpResponseMessage response) =>
        new(client.BaseAddress!, response.Headers.Location!);
}
