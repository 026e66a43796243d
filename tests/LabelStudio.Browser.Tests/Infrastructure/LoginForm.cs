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

    /// <summary>
    /// Logs in from the login page and waits until the browser has left it. On a loaded machine a submit
    /// has once been lost between the page's load and its scripts; the form is then filled in again once,
    /// and a second failure reports what the page said.
    /// </summary>
    public static async Task LogInAsync(IPage page, Credentials credentials, string returnPath = "/")
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync($"/login?ReturnUrl={Uri.EscapeDataString(returnPath)}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await SubmitAsync(page, credentials);
            try
            {
                await page.WaitForURLAsync(url => !IsLoginPage(url), new() { Timeout = 20_000 });
                return;
            }
            catch (TimeoutException) when (attempt == 1)
            {
            }
            catch (TimeoutException lost)
            {
                var shown = await page.Locator("body").InnerTextAsync();
                throw new TimeoutException($"Still on the login page after two submits; it says: {shown}", lost);
            }
        }
    }

    private static bool IsLoginPage(string url) =>
        new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal);
}
