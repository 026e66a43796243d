using LabelStudio.Browser.Tests.Infrastructure;

namespace LabelStudio.Browser.Tests;

/// <summary>
/// Renders the four main pages to PNG. Set LABELSTUDIO_SCREENSHOTS_DIR (e.g. to docs/screenshots) to
/// keep them; otherwise they go to a temp folder that is deleted, and the test only checks them.
/// </summary>
public sealed class ScreenshotTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private const long MaxBytes = 200 * 1024;

    // A blank window compresses to about 3 KB; anything a user could read takes more.
    private const long MinBytes = 8 * 1024;

    private readonly string temp = Path.Combine(Path.GetTempPath(), $"labelstudio-shots-{Guid.NewGuid():N}");

    private string Folder => Environment.GetEnvironmentVariable("LABELSTUDIO_SCREENSHOTS_DIR") is { Length: > 0 } kept
        ? Path.GetFullPath(kept)
        : temp;

    [Fact]
    public async Task TheMainPagesRenderToScreenshotsSmallEnoughForTheReadme()
    {
        var projectId = await app.PenguinsIdAsync();
        // A short window and full-page pictures: each page is as tall as its content, no more.
        var page = await app.NewPageAsync(viewportHeight: 600);
        Directory.CreateDirectory(Folder);

        await page.GotoAsync("/login");
        await ShootAsync(page, "login");
        await LoginForm.SubmitAsync(page, AppFixture.Admin);
        await Assertions.Expect(page.Locator("#projects-title")).ToBeVisibleAsync();
        var labeling = new LabelingPage(page);
        await labeling.OpenAsync(projectId);
        await LabelARoundAsync(labeling);
        await page.ReloadAsync();
        await labeling.WaitForItemAsync();
        await ShootAsync(page, "labeling");
        await page.GotoAsync($"/projects/{projectId}");
        await Assertions.Expect(page.Locator("#model-versions")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await ShootAsync(page, "project");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#projects-title")).ToBeVisibleAsync();
        await ShootAsync(page, "projects");

        string[] expected = ["labeling.png", "login.png", "project.png", "projects.png"];
        var written = expected.Select(name => new FileInfo(Path.Combine(Folder, name))).ToList();
        Assert.All(written, file => Assert.InRange(file.Length, MinBytes, MaxBytes));
        byte[] pngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        Assert.All(written, file => Assert.Equal(pngSignature, File.ReadAllBytes(file.FullName)[..4]));
    }

    /// <summary>
    /// A round of labels, so the screenshots show a trained model instead of an empty project. The
    /// caller reloads afterwards: the "model ready" notice would otherwise cover the page header.
    /// </summary>
    private static async Task LabelARoundAsync(LabelingPage labeling)
    {
        for (var i = 0; i < 20; i++)
        {
            await labeling.PressAsync(PenguinRule.KeyFor(await labeling.ReadFieldsAsync()));
        }
        await Assertions.Expect(labeling.StatusLine)
            .ToHaveAttributeAsync("data-model", "1", new() { Timeout = 60_000 });
    }

    private async Task ShootAsync(IPage page, string name)
    {
        // Let fonts and the MudBlazor styles settle so the picture shows the page as a user sees it.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Folder, $"{name}.png"),
            FullPage = true,
        });
    }

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
