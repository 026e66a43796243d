using System.Net;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Account;

public sealed class LockoutTests
{
    private const string Password = "the right password";

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        using var data = new TempDirectory();
        await using var app = new AppFactory(data.Path, Password, seedDemo: false);
        using var client = app.CreateBrowserlessClient();
        var errors = new List<string>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            errors.Add(await ErrorShownAsync(client, $"wrong password {attempt}"));
        }

        var fifth = await ErrorShownAsync(client, "wrong password 5");
        using var right = await LoginForm.PostAsync(client, AppFactory.AdminEmail, Password);

        Assert.All(errors, e => Assert.Equal("That email and password do not match an account.", e));
        Assert.StartsWith("Too many failed attempts", fifth);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("Too many failed attempts", await ErrorOfAsync(right));
    }

    [Fact]
    public async Task FourWrongPasswordsStillLetTheRightOneIn()
    {
        using var data = new TempDirectory();
        await using var app = new AppFactory(data.Path, Password, seedDemo: false);
        using var client = app.CreateBrowserlessClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await ErrorShownAsync(client, $"wrong password {attempt}");
        }

        using var right = await LoginForm.PostAsync(client, AppFactory.AdminEmail, Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    private static async Task<string> ErrorShownAsync(HttpClient client, string password)
    {
        using var response = await LoginForm.PostAsync(client, AppFactory.AdminEmail, password);
        return await ErrorOfAsync(response);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelector(".login-error")?.TextContent.Trim() ?? "(no error shown)";
    }
}
