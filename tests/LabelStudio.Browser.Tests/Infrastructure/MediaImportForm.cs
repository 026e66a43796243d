namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>The import page of an image or audio project, used as a lead would.</summary>
internal static class MediaImportForm
{
    /// <summary>Uploads the ZIP, takes its class subfolders as hidden ground truth and waits for the import.</summary>
    public static async Task ImportWithHiddenGroundTruthAsync(IPage page, int projectId, string zipPath)
    {
        await page.GotoAsync($"/projects/{projectId}/import");
        await page.Locator("#import-file[data-ready]").SetInputFilesAsync(zipPath);
        await page.Locator("#image-options").WaitForAsync();
        await page.GetByText("Are hidden ground truth").ClickAsync();
        await page.Locator("#start-image-import").ClickAsync();
        await Assertions.Expect(page.Locator(".import-job").First)
            .ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 60_000 });
    }
}
