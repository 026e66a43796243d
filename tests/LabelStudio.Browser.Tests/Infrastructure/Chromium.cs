namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>Debian's chromium, driven headless; Playwright never downloads a browser of its own.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: run the repository's test.sh, which installs it.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                // Audio labeling plays each clip on arrival, as a user's browser does once they have
                // interacted with the site; a fresh headless profile would refuse that.
                "--autoplay-policy=no-user-gesture-required",
            ],
        });
    }
}
