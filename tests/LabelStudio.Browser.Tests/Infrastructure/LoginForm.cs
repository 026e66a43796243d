namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>The static login form: fields, submit, and where the browser lands afterwards.</summary>
internal static class LoginForm
{
    public static async Task SubmitAsync(IPage page, Credentials credentials)
    {
        await page.Locator("#email").FillAsync(credentials.Email);
        await page.Locator("#password").FillAsync(credentials.Password);
        await page.Locator("#login-submit").ClickAsync();
    }

    /// <summary>Logs in from the login page and waits until the browser has left it.</summary>
    public static async Task LogInAsync(IPage page, Credentials credentials, string returnPath = "/")
    {
        await page.GotoAsync($"/login?ReturnUrl={Uri.EscapeDataString(returnPath)}");
        await SubmitAsync(page, credentials);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
    }
}
