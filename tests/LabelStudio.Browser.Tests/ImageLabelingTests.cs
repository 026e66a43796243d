using System.Globalization;
using System.IO.Compression;
using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>
/// A lead uploads a ZIP of real Fashion-MNIST images on the import page, then labels them by
/// keyboard with zoom: the image shows crisp and named (emoji and '+' included), zoom keys never
/// label, and each class key labels one image.
/// </summary>
public sealed class ImageLabelingTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private const string EmojiName = "👟 fast+1.png";
    private readonly string temp = Path.Combine(Path.GetTempPath(), $"labelstudio-images-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> kinds = [];

    [Fact]
    public async Task ALeadUploadsImagesAndLabelsThemByKeyboardWithZoom()
    {
        var project = await CreateProjectAsync();
        var page = await app.NewPageAsync();
        await LoginForm.LogInAsync(page, AppFixture.Admin);

        await MediaImportForm.ImportWithHiddenGroundTruthAsync(page, project.Id, WriteZip());
        await ShootAsync(page, "image-import");

        var labeling = new LabelingPage(page);
        await labeling.OpenAsync(project.Id);
        var names = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            await WaitForImageAsync(page);
            if (i == 0)
            {
                await ZoomWithoutLabelingAsync(page, labeling);
                await ShootAsync(page, "labeling-image");
            }
            // The hidden answer (the class folder) must show nowhere on the page, not even in the tooltip.
            var shownPath = await page.Locator("#image-name").GetAttributeAsync("title") ?? "";
            Assert.DoesNotContain("/", shownPath);
            var name = await page.Locator("#image-name").InnerTextAsync();
            names.Add(name);
            await labeling.PressAsync(kinds[name] == "sneaker" ? "1" : "2");
        }

        Assert.Contains(EmojiName, names);
        await Assertions.Expect(labeling.StatusLine).ToHaveAttributeAsync("data-labeled", "6");
        var decisions = await LabelsByNameAsync(project.Id);
        Assert.Equal(6, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(kinds[d.Name], d.Label));

        await page.GotoAsync($"/projects/{project.Id}");
        await Assertions.Expect(page.Locator("#feature-progress"))
            .ToHaveAttributeAsync("data-complete", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#feature-progress")).ToContainTextAsync("embedder:");
        await ShootAsync(page, "project-images");
    }

    [Fact]
    public async Task OnALaptopScreenEveryControlOfATenClassImageProjectIsInView()
    {
        string[] tenKinds =
            ["sneaker", "trouser", "bag", "coat", "dress", "pullover", "sandal", "shirt", "t-shirt", "boot"];
        var project = await CreateProjectAsync(tenKinds);
        var page = await app.NewPageAsync(viewportHeight: 800);
        await LoginForm.LogInAsync(page, AppFixture.Admin);
        await MediaImportForm.ImportWithHiddenGroundTruthAsync(page, project.Id, WriteZip());

        await new LabelingPage(page).OpenAsync(project.Id);
        await WaitForImageAsync(page);

        // Two rows of class keys and the actions under them: all must fit without scrolling.
        var comment = await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Comment") }).BoundingBoxAsync();
        var lastClass = await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^boot") }).BoundingBoxAsync();
        Assert.True(comment!.Y + comment.Height <= 800, $"The actions end at {comment.Y + comment.Height} px of 800.");
        Assert.True(
            lastClass!.Y + lastClass.Height <= 800, $"The last class ends at {lastClass.Y + lastClass.Height} px.");
    }

    /// <summary>+ zooms, Shift+arrows pan and * fits again, all without leaving the item.</summary>
    private static async Task ZoomWithoutLabelingAsync(IPage page, LabelingPage labeling)
    {
        var item = await labeling.WaitForItemAsync();
        var stage = page.Locator("#image-stage");
        var fitted = await ZoomAsync(stage);
        Assert.True(fitted > 5, $"A 28×28 image should be scaled up to fill the stage, was ×{fitted}.");
        await Assertions.Expect(stage).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pixelated"));
        Assert.Equal("pixelated", await page.Locator("#item-image").EvaluateAsync<string>(
            "image => getComputedStyle(image).imageRendering"));

        await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        Assert.True(await ZoomAsync(stage) > fitted);
        await page.Keyboard.PressAsync("*");
        Assert.Equal(fitted, await ZoomAsync(stage), 3);
        Assert.Equal(item, await labeling.WaitForItemAsync());
    }

    private static async Task<double> ZoomAsync(ILocator stage) =>
        double.Parse(await stage.GetAttributeAsync("data-zoom") ?? "0", CultureInfo.InvariantCulture);

    private static async Task WaitForImageAsync(IPage page) =>
        await page.WaitForFunctionAsync("""
            () => {
                const image = document.querySelector('#item-image');
                const stage = document.querySelector('#image-stage');
                return image && image.complete && image.naturalWidth > 0 && stage?.dataset.zoom;
            }
            """);

    private async Task<Project> CreateProjectAsync(params string[] classes)
    {
        var draft = new ProjectDraft
        {
            Name = classes.Length > 0 ? "Ten kinds of clothes" : "Shoes or trousers",
            DataKind = DataKind.Image,
            Classes = [.. (classes.Length > 0 ? classes : ["sneaker", "trouser"])
                .Select(c => new ClassDraft { Name = c })],
        };
        var projects = app.Services.GetRequiredService<ProjectService>();
        return await projects.CreateAsync(draft, null, CancellationToken.None);
    }

    /// <summary>
    /// Three real sneakers and three real trousers, one renamed with an emoji and '+'; remembers each
    /// file's kind, which the page must not reveal.
    /// </summary>
    private string WriteZip()
    {
        Directory.CreateDirectory(temp);
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "fashion-mnist");
        var path = Path.Combine(temp, "clothes.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var kind in new[] { "sneaker", "trouser" })
        {
            var files = Directory.GetFiles(Path.Combine(sample, kind), "*.png").Order().Take(3).ToList();
            for (var i = 0; i < files.Count; i++)
            {
                var name = kind == "sneaker" && i == 0 ? EmojiName : Path.GetFileName(files[i]);
                archive.CreateEntryFromFile(files[i], $"{kind}/{name}");
                kinds[name] = kind;
            }
        }
        return path;
    }

    private async Task<List<(string Name, string Label)>> LabelsByNameAsync(int projectId)
    {
        var contexts = app.Services
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LabelStudio.Core.Data.AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return db.Items.Where(i => i.ProjectId == projectId && i.CurrentClassId != null)
            .Select(i => new { i.ExternalId, Label = db.LabelClasses.First(c => c.Id == i.CurrentClassId).Name })
            .AsEnumerable()
            .Select(x => (x.ExternalId, x.Label))
            .ToList();
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("LABELSTUDIO_SCREENSHOTS_DIR") is not { Length: > 0 } folder)
        {
            return;
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
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
