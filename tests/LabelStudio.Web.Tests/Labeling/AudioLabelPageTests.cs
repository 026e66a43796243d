using Bunit;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Labeling;
using LabelStudio.Web.Tests.Media;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Labeling;

/// <summary>
/// The labeling page on an audio project: the clip's player with its pictures, name and duration;
/// the player's keys stay in the browser and never label; class keys label and bring a fresh
/// player, which autoplays when the project says so.
/// </summary>
public sealed class AudioLabelPageTests : ComponentTestBase
{
    [Fact]
    public async Task ClipIsShownWithItsPicturesFileNameAndDuration()
    {
        var project = await AudioProjectAsync(autoplay: true);

        var page = await OpenPageAsync(project);

        var itemId = ShownItem(page);
        Assert.Equal($"/media/items/{itemId}/display", page.Find("#item-audio").GetAttribute("src"));
        Assert.Equal($"/media/items/{itemId}/waveform", page.Find("#item-waveform").GetAttribute("src"));
        Assert.Equal($"/media/items/{itemId}/spectrogram", page.Find("#item-spectrogram").GetAttribute("src"));
        Assert.Matches(@"^clip-\d\.wav$", page.Find("#audio-name").TextContent);
        Assert.Contains("0:00.0 / 0:01.5", page.Find("[data-time]").TextContent);
        Assert.Contains("Space", page.Find("#audio-help").TextContent);
    }

    [Fact]
    public async Task PlayerKeysAreLeftToThePlayerAndNeverLabel()
    {
        var hotkeys = JSInterop.SetupModule("/assets/hotkeys.js");
        hotkeys.Mode = JSRuntimeMode.Loose;
        var project = await AudioProjectAsync(autoplay: true);
        var page = await OpenPageAsync(project);
        var shown = ShownItem(page);

        foreach (var key in new[] { " ", "r", "R", "[", "]" })
        {
            await page.InvokeAsync(() => page.Instance.HandleKeyAsync(key));
        }

        var asked = Assert.IsAssignableFrom<IEnumerable<string>>(hotkeys.VerifyInvoke("attach").Arguments[1]);
        Assert.DoesNotContain(asked, key => ReservedKeys.AudioPlayer.Contains(key));
        Assert.Equal(shown, ShownItem(page));
        Assert.Empty(await LabelEventsAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EachClipGetsAFreshPlayerThatFollowsTheAutoplaySetting(bool autoplay)
    {
        var player = JSInterop.SetupModule("/assets/audioplayer.js");
        player.Mode = JSRuntimeMode.Loose;
        var project = await AudioProjectAsync(autoplay);
        var page = await OpenPageAsync(project);
        var first = ShownItem(page);

        await page.InvokeAsync(() => page.Instance.HandleKeyAsync("2"));

        var saved = Assert.Single(await LabelEventsAsync());
        Assert.Equal((first, project.Classes.Single(c => c.Hotkey == "2").Id), (saved.ItemId, saved.ClassId));
        Assert.NotEqual(first, ShownItem(page));
        page.WaitForAssertion(() => Assert.Equal(2, player.Invocations["attach"].Count));
        Assert.All(player.Invocations["attach"], call => Assert.Equal(autoplay, call.Arguments[1]));
    }

    /// <summary>An audio project the signed-in user leads, with three 1.5-second clips imported from a ZIP.</summary>
    private async Task<Project> AudioProjectAsync(bool autoplay)
    {
        var draft = new ProjectDraft
        {
            Name = "Voices",
            DataKind = DataKind.Audio,
            AutoplayAudio = autoplay,
            Classes = [new ClassDraft { Name = "en", Hotkey = "1" }, new ClassDraft { Name = "fr", Hotkey = "2" }],
        };
        var projects = Services.GetRequiredService<ProjectService>();
        var project = await projects.CreateAsync(draft, UserId, CancellationToken.None);

        var zip = MediaImports.Zip([.. Enumerable.Range(1, 3)
            .Select(i => ($"clip-{i}.wav", MediaImports.SineWav(8000, seconds: 1.5)))]);
        var imports = Services.GetRequiredService<ImportJobService>();
        await using var file = new MemoryStream(zip);
        var job = await imports.UploadAsync(project.Id, "clips.zip", file, UserId, CancellationToken.None);
        await imports.StartMediaAsync(job.Id, new MediaImportRequest(null, null, false), CancellationToken.None);
        var result = await Services.GetRequiredService<ImportRunner>().RunAsync(job.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Succeeded, result?.Status);
        return (await projects.GetAsync(project.Id, CancellationToken.None))!;
    }

    private async Task<IRenderedComponent<LabelPage>> OpenPageAsync(Project project)
    {
        var page = Render<LabelPage>(parameters => parameters.Add(p => p.ProjectId, project.Id));
        await page.WaitForElementAsync("#labeling-ready");
        return page;
    }

    private static long ShownItem(IRenderedComponent<LabelPage> page) =>
        long.Parse(page.Find("#labeling-ready").GetAttribute("data-item")!);
}
