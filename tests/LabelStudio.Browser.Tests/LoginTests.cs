using LabelStudio.Browser.Tests.Infrastructure;

namespace LabelStudio.Browser.Tests;

public sealed class LoginTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AVisitorOpeningTheLabelingPageEndsOnTheLoginPage()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/projects/1/label");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");

        Assert.Equal("/projects/1/label", Uri.UnescapeDataString(QueryValue(page.Url, "ReturnUrl")));
        await Assertions.Expect(page.Locator("#login-submit")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#labeling-ready")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AWrongPasswordShowsTheErrorAndStaysOnTheLoginPage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");

        await LoginForm.SubmitAsync(page, AppFixture.Admin with { Password = "not-the-password" });

        await Assertions.Expect(page.Locator(".login-error"))
            .ToHaveTextAsync("That email and password do not match an account.");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("#projects-title")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheRightPasswordLeadsBackToThePageTheVisitorAskedFor()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/projects/1/label");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");

        await LoginForm.SubmitAsync(page, AppFixture.Admin);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/projects/1/label");
        await new LabelingPage(page).WaitForItemAsync();
    }

    private static string QueryValue(string url, string name) =>
        new Uri(url).Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => pair.Length > 1 ? pair[1] : "")
            .Single();
}
