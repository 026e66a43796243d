using System.IO.Compression;
using System.Text;
using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>
/// On a 1280×800 laptop window the comment key opens a box the annotator can type in at once: the
/// whole box shows, and so do the item and the class keys, on table, image and audio projects.
/// </summary>
public sealed class CommentBoxTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private const int LaptopHeight = 800;

    private static readonly string[] TenKinds =
        ["sneaker", "trouser", "bag", "coat", "dress", "pullover", "sandal", "shirt", "t-shirt", "boot"];

    // The sample holds English and French clips; the other classes add a second row of keys.
    private static readonly string[] TenLanguages = ["en", "fr", "de", "es", "it", "nl", "pt", "sv", "pl", "fi"];

    private readonly string temp = Path.Combine(Path.GetTempPath(), $"labelstudio-comment-{Guid.NewGuid():N}");

    [Fact]
    public async Task OnATableProjectTheCommentBoxOpensInView()
    {
        var page = await app.NewPageAsync(LaptopHeight);
        await LoginForm.LogInAsync(page, AppFixture.Admin);
        await new LabelingPage(page).OpenAsync(await app.PenguinsIdAsync());

        await OpenCommentBoxAsync(page, "table");

        await AssertInViewAsync(page, "#item-fields", "#class-buttons", "#comment");
    }

    /// <summary>A row taller than the window: its top stays in view, the keys and the box sit over the rest.</summary>
    [Fact]
    public async Task OnATableRowTallerThanTheWindowTheCommentBoxOpensInView()
    {
        var projectId = await CreateProjectAsync("Twenty measurements", DataKind.Table, ["small", "large"]);
        await ImportTallRowsAsync(projectId);
        var page = await app.NewPageAsync(LaptopHeight);
        await LoginForm.LogInAsync(page, AppFixture.Admin);
        await new LabelingPage(page).OpenAsync(projectId);

        await OpenCommentBoxAsync(page, "tall-table");

        await AssertInViewAsync(page, "#class-buttons", "#comment");
        var item = await page.Locator("#item-fields").BoundingBoxAsync();
        Assert.True(item!.Y >= 0 && item.Y < LaptopHeight / 2, $"The row starts at {item.Y:0} px.");
    }

    [Fact]
    public async Task OnATenClassImageProjectTheCommentBoxOpensInView()
    {
        var projectId = await CreateProjectAsync("Ten kinds of clothes", DataKind.Image, TenKinds);
        var page = await app.NewPageAsync(LaptopHeight);
        await LoginForm.LogInAsync(page, AppFixture.Admin);
        await MediaImportForm.ImportWithHiddenGroundTruthAsync(page, projectId, WriteImageZip());
        await new LabelingPage(page).OpenAsync(projectId);
        await page.Locator("#image-stage[data-zoom]").WaitForAsync();

        await OpenCommentBoxAsync(page, "image");

        await AssertInViewAsync(page, "#image-stage", "#class-buttons", "#comment");
        // The stage shrank under the image, which fits itself to it again rather than being cut off.
        await page.WaitForFunctionAsync(ImageFitsStage, null, new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task OnATenClassAudioProjectTheCommentBoxOpensInView()
    {
        var projectId = await CreateProjectAsync("Ten languages", DataKind.Audio, TenLanguages);
        var page = await app.NewPageAsync(LaptopHeight);
        await LoginForm.LogInAsync(page, AppFixture.Admin);
        await MediaImportForm.ImportWithHiddenGroundTruthAsync(page, projectId, WriteClipZip());
        await new LabelingPage(page).OpenAsync(projectId);
        await page.Locator("#audio-player").WaitForAsync();

        await OpenCommentBoxAsync(page, "audio");

        await AssertInViewAsync(page, "#audio-player", "#class-buttons", "#comment");
    }

    private const string ImageFitsStage = """
        () => {
            const stage = document.querySelector('#image-stage').getBoundingClientRect();
            const image = document.querySelector('#item-image').getBoundingClientRect();
            return image.top >= stage.top - 0.5 && image.bottom <= stage.bottom + 0.5;
        }
        """;

    /// <summary>Presses the comment key and waits until the box takes the typing.</summary>
    private static async Task OpenCommentBoxAsync(IPage page, string kind)
    {
        await page.Keyboard.PressAsync("c");
        await Assertions.Expect(page.Locator("#comment")).ToBeFocusedAsync();
        await ShootAsync(page, $"labeling-{kind}-comment");
    }

    /// <summary>Each element lies wholly inside the window as it is now, without any scrolling.</summary>
    private static async Task AssertInViewAsync(IPage page, params string[] selectors)
    {
        foreach (var selector in selectors)
        {
            var box = await page.Locator(selector).BoundingBoxAsync()
                ?? throw new InvalidOperationException($"{selector} is not shown.");
            Assert.True(
                box.Y >= 0 && box.Y + box.Height <= LaptopHeight,
                $"{selector} spans {box.Y:0} to {box.Y + box.Height:0} px of a {LaptopHeight} px window.");
        }
    }

    private async Task<int> CreateProjectAsync(string name, DataKind kind, IEnumerable<string> classes)
    {
        var draft = new ProjectDraft
        {
            Name = name,
            DataKind = kind,
            Classes = [.. classes.Select(c => new ClassDraft { Name = c })],
        };
        var project = await app.Services.GetRequiredService<ProjectService>()
            .CreateAsync(draft, null, CancellationToken.None);
        return project.Id;
    }

    /// <summary>Three rows of twenty numeric columns each, imported as a lead would and waited for.</summary>
    private async Task ImportTallRowsAsync(int projectId)
    {
        var columns = Enumerable.Range(1, 20).Select(i => $"Measurement {i}").ToList();
        var rows = Enumerable.Range(1, 3).Select(r => $"r{r}," + string.Join(",", columns.Select((_, i) => r * i)));
        var csv = $"Id,{string.Join(",", columns)}\n{string.Join("\n", rows)}\n";
        var imports = app.Services.GetRequiredService<ImportJobService>();
        var job = await imports.UploadAsync(
            projectId, "tall.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), null, CancellationToken.None);
        await imports.StartAsync(
            job.Id, new ImportRequest(new TableImportPlan(columns, IdColumn: "Id"), false), CancellationToken.None);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await imports.GetAsync(job.Id, CancellationToken.None))!.Status != JobStatus.Succeeded)
        {
            Assert.True(DateTime.UtcNow < deadline, "The import did not succeed within a minute.");
            await Task.Delay(100);
        }
    }

    /// <summary>Three real sneakers and three real trousers, in folders named by their class.</summary>
    private string WriteImageZip() => WriteZip("clothes.zip", "fashion-mnist", ["sneaker", "trouser"], "*.png");

    /// <summary>Three real English and three real French prompts.</summary>
    private string WriteClipZip() => WriteZip("voices.zip", "spoken-language", ["en", "fr"], "*.wav");

    private string WriteZip(string name, string sample, string[] classes, string pattern)
    {
        Directory.CreateDirectory(temp);
        var path = Path.Combine(temp, name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var labelClass in classes)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "samples", sample, labelClass);
            foreach (var file in Directory.GetFiles(folder, pattern).Order().Take(3))
            {
                archive.CreateEntryFromFile(file, $"{labelClass}/{Path.GetFileName(file)}");
            }
        }
        return path;
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("LABELSTUDIO_SCREENSHOTS_DIR") is not { Length: > 0 } folder)
        {
            return;
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png") });
    }

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
