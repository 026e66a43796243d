using System.Net;
using System.Text.RegularExpressions;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Account;

[Collection(ConsoleCollection.Name)]
public sealed partial class FirstStartTests
{
    [Fact]
    public async Task FirstStartWithoutAPasswordPrintsAGeneratedOneOnceAndItLogsIn()
    {
        using var data = new TempDirectory();
        using var console = new ConsoleCapture();
        await using var app = new AppFactory(data.Path, adminPassword: null, seedDemo: false);
        using var client = app.CreateBrowserlessClient();

        _ = app.Server;
        var printed = AnnouncedPasswords(console.Text);
        var password = Assert.Single(printed);
        using var login = await LoginForm.PostAsync(client, AppFactory.AdminEmail, password);

        Assert.Equal(16, password.Length);
        Assert.Equal(1, Regex.Count(console.Text, Regex.Escape(password)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(1, await UserCountAsync(app));
    }

    [Fact]
    public async Task SecondStartOnTheSameDataKeepsTheFirstAdminAndPrintsNothing()
    {
        using var data = new TempDirectory();
        string password;
        using (var first = new ConsoleCapture())
        {
            await using var firstApp = new AppFactory(data.Path, adminPassword: null, seedDemo: false);
            _ = firstApp.Server;
            password = Assert.Single(AnnouncedPasswords(first.Text));
        }

        using var second = new ConsoleCapture();
        await using var app = new AppFactory(data.Path, adminPassword: null, seedDemo: false);
        using var client = app.CreateBrowserlessClient();
        _ = app.Server;
        using var login = await LoginForm.PostAsync(client, AppFactory.AdminEmail, password);

        Assert.Empty(AnnouncedPasswords(second.Text));
        Assert.DoesNotContain(password, second.Text);
        Assert.Equal(1, await UserCountAsync(app));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task ConfiguredPasswordIsUsedAndNeverPrinted()
    {
        using var data = new TempDirectory();
        using var console = new ConsoleCapture();
        await using var app = new AppFactory(data.Path, "a chosen admin password", seedDemo: false);
        using var client = app.CreateBrowserlessClient();

        _ = app.Server;
        using var login = await LoginForm.PostAsync(client, AppFactory.AdminEmail, "a chosen admin password");

        Assert.Empty(AnnouncedPasswords(console.Text));
        Assert.DoesNotContain("a chosen admin password", console.Text);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task TooShortAConfiguredPasswordStopsTheStartAndALongerOneWorksNextTime()
    {
        using var data = new TempDirectory();
        var refused = new AppFactory(data.Path, "short", seedDemo: false);
        var failure = Record.Exception(() => refused.Server);
        await refused.DisposeAsync();
        await using var app = new AppFactory(data.Path, "long enough this time", seedDemo: false);
        using var client = app.CreateBrowserlessClient();

        using var login = await LoginForm.PostAsync(client, AppFactory.AdminEmail, "long enough this time");

        Assert.Contains("at least 10 characters", failure?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(1, await UserCountAsync(app));
    }

    private static List<string> AnnouncedPasswords(string output) =>
        [.. Announcement().Matches(output).Where(m => m.Groups["email"].Value == AppFactory.AdminEmail)
            .Select(m => m.Groups["password"].Value)];

    private static async Task<int> UserCountAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users.Count();
    }

    [GeneratedRegex(@"First admin account: (?<email>\S+) / (?<password>\S+)")]
    private static partial Regex Announcement();
}
