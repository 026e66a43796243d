using System.Globalization;
using System.IO.Compression;
using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>
/// A lead uploads a ZIP of real spoken-language clips, hears each one play in chromium (on arrival
/// and from the keyboard), and labels them by keyboard alone until the model's version rises.
/// </summary>
public sealed class AudioLabelingTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), $"labelstudio-audio-{Guid.NewGuid():N}");

    [Fact]
    public async Task ALeadUploadsClipsHearsThemPlayAndLabelsThemByKeyboard()
    {
        var project = await CreateProjectAsync();
        var page = await app.NewPageAsync();
        await LoginForm.LogInAsync(page, AppFixture.Admin);

        await MediaImportForm.ImportWithHiddenGroundTruthAsync(page, project.Id, WriteZip());

        var labeling = new LabelingPage(page);
        await labeling.OpenAsync(project.Id);
        await PlaysOnArrivalAndFromKeysAsync(page);

        int? firstModel = null;
        for (var labeled = 0; labeled < 8; labeled++)
        {
            var item = long.Parse(await labeling.WaitForItemAsync(), CultureInfo.InvariantCulture);
            await WaitUntilPlayingAsync(page);
            // The page must not give the language away; the test's oracle is the hidden answer itself.
            Assert.DoesNotContain("/", await page.Locator("#audio-name").GetAttributeAsync("title") ?? "");
            await labeling.PressAsync(await HiddenAnswerAsync(item) == "en" ? "1" : "2");
            if (labeled == 3)
            {
                await Assertions.Expect(labeling.StatusLine)
                    .ToHaveAttributeAsync("data-model", "1", new() { Timeout = 60_000 });
                firstModel = await labeling.ModelVersionAsync();
            }
        }

        await Assertions.Expect(labeling.StatusLine)
            .ToHaveAttributeAsync("data-model", "2", new() { Timeout = 60_000 });
        Assert.True(await labeling.ModelVersionAsync() > firstModel);
        Assert.Equal(8, await CorrectLabelsAsync(project.Id));
    }

    /// <summary>
    /// The first clip starts by itself; space pauses it where it is, space again plays on from there,
    /// r replays from the start, and none of these keys labels it.
    /// </summary>
    private static async Task PlaysOnArrivalAndFromKeysAsync(IPage page)
    {
        var item = await page.Locator("#labeling-ready").GetAttributeAsync("data-item");
        await WaitUntilPlayingAsync(page);
        // The sample clips last under a second, so on a busy machine this one could end between the steps
        // below: loop it, and if it has ended already, space plays it again.
        var audio = page.Locator("#item-audio");
        await audio.EvaluateAsync("audio => { audio.loop = true; }");
        if (await audio.EvaluateAsync<bool>("audio => audio.paused"))
        {
            await page.Keyboard.PressAsync(" ");
        }
        await page.Locator("#audio-player[data-state=playing]").WaitForAsync();
        await page.Keyboard.PressAsync(" ");
        await page.Locator("#audio-player[data-state=paused]").WaitForAsync();
        var pausedAt = await CurrentTimeAsync(page);
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(pausedAt, await CurrentTimeAsync(page));

        await page.Keyboard.PressAsync(" ");
        await page.WaitForFunctionAsync(
            "at => document.querySelector('#item-audio').currentTime > at + 0.1", pausedAt);

        await page.Keyboard.PressAsync("]");
        Assert.Equal(1.25, await page.Locator("#item-audio").EvaluateAsync<double>("audio => audio.playbackRate"));
        await page.Keyboard.PressAsync("[");
        await page.Keyboard.PressAsync("r");
        await page.WaitForFunctionAsync("""
            () => {
                const audio = document.querySelector('#item-audio');
                return !audio.paused && audio.currentTime > 0.05 && audio.currentTime < 0.6;
            }
            """);
        Assert.Equal(item, await page.Locator("#labeling-ready").GetAttributeAsync("data-item"));
    }

    private static async Task WaitUntilPlayingAsync(IPage page) =>
        await page.WaitForFunctionAsync("""
            () => {
                const audio = document.querySelector('#item-audio');
                return audio && audio.currentTime > 0.1;
            }
            """);

    private static Task<double> CurrentTimeAsync(IPage page) =>
        page.Locator("#item-audio").EvaluateAsync<double>("audio => audio.currentTime");

    private async Task<Project> CreateProjectAsync()
    {
        var draft = new ProjectDraft
        {
            Name = "English or French",
            DataKind = DataKind.Audio,
            RoundSize = 4,
            Classes = [new ClassDraft { Name = "en", Hotkey = "1" }, new ClassDraft { Name = "fr", Hotkey = "2" }],
        };
        var projects = app.Services.GetRequiredService<ProjectService>();
        return await projects.CreateAsync(draft, null, CancellationToken.None);
    }

    private async Task<string?> HiddenAnswerAsync(long itemId)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Items.Where(i => i.Id == itemId).Select(i => i.GroundTruth).SingleAsync();
    }

    /// <summary>Eight real English and eight real French prompts from the shipped sample.</summary>
    private string WriteZip()
    {
        Directory.CreateDirectory(temp);
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "spoken-language");
        var path = Path.Combine(temp, "voices.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var language in new[] { "en", "fr" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(sample, language), "*.wav").Order().Take(8))
            {
                archive.CreateEntryFromFile(file, $"{language}/{Path.GetFileName(file)}");
            }
        }
        return path;
    }

    /// <summary>Labeled clips whose label is the language of their folder.</summary>
    private async Task<int> CorrectLabelsAsync(int projectId)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Items.Where(i => i.ProjectId == projectId && i.CurrentClassId != null)
            .CountAsync(i => db.LabelClasses.First(c => c.Id == i.CurrentClassId).Name == i.GroundTruth);
    }

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
