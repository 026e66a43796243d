using System.Text.RegularExpressions;
using Bunit;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Training;
using LabelStudio.Web.Features.Labeling;
using LabelStudio.Web.Features.Projects;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Labeling;

public sealed partial class LabelPageTests : ComponentTestBase
{
    private readonly LabelSaveGate _gate = new();

    public LabelPageTests() =>
        Services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(_gate), ServiceLifetime.Singleton);

    [Fact]
    public async Task ClassHotkeySavesTheLabelAndShowsTheNextItem()
    {
        var page = await OpenPageAsync();
        var first = ShownItem(page);

        await PressAsync(page, "1");

        var saved = Assert.Single(await LabelEventsAsync());
        Assert.Equal((first, ClassNamed("Apple").Id, LabelEventKind.Label, UserId),
            (saved.ItemId, saved.ClassId, saved.Kind, saved.UserId));
        Assert.Equal(ClassNamed("Apple").Id, (await ItemAsync(first)).CurrentClassId);
        Assert.NotEqual(first, ShownItem(page));
        Assert.Equal("1", page.Find("#status-line").GetAttribute("data-labeled"));
    }

    [Fact]
    public async Task TabSkipsTheItemWithoutLabelingIt()
    {
        var page = await OpenPageAsync();
        var first = ShownItem(page);

        await PressAsync(page, "Tab");

        var saved = Assert.Single(await LabelEventsAsync());
        Assert.Equal((first, null, LabelEventKind.Skip), (saved.ItemId, saved.ClassId, saved.Kind));
        Assert.Null((await ItemAsync(first)).CurrentClassId);
        Assert.NotEqual(first, ShownItem(page));
        Assert.Equal("0", page.Find("#status-line").GetAttribute("data-labeled"));
    }

    [Fact]
    public async Task ArrowLeftShowsThePreviousItemInReviewMode()
    {
        var page = await OpenPageAsync();
        var first = ShownItem(page);
        await PressAsync(page, "2");

        await PressAsync(page, "ArrowLeft");

        Assert.Equal(first, ShownItem(page));
        Assert.Contains("labeled Pear", page.Find("#reviewing").TextContent);
        Assert.Equal("Pear", page.Find(".class-button.current").GetAttribute("data-class"));
    }

    [Fact]
    public async Task ArrowRightReturnsFromReviewToTheItemThatWasWaiting()
    {
        var page = await OpenPageAsync();
        await PressAsync(page, "2");
        var waiting = ShownItem(page);
        await PressAsync(page, "ArrowLeft");

        await PressAsync(page, "ArrowRight");

        Assert.Equal(waiting, ShownItem(page));
        Assert.Empty(page.FindAll("#reviewing"));
        Assert.Single(await LabelEventsAsync());
    }

    [Fact]
    public async Task HotkeyWhileReviewingChangesTheEarlierLabelAndGoesForward()
    {
        var page = await OpenPageAsync();
        var first = ShownItem(page);
        await PressAsync(page, "2");
        var waiting = ShownItem(page);
        await PressAsync(page, "ArrowLeft");

        await PressAsync(page, "3");

        Assert.Equal(ClassNamed("Plum").Id, (await ItemAsync(first)).CurrentClassId);
        Assert.Equal(2, (await LabelEventsAsync()).Count(e => e.ItemId == first));
        Assert.Equal(waiting, ShownItem(page));
        Assert.Empty(page.FindAll("#reviewing"));
    }

    [Fact]
    public async Task TabWhileReviewingDoesNotSkipTheEarlierItem()
    {
        var page = await OpenPageAsync();
        var first = ShownItem(page);
        await PressAsync(page, "1");
        await PressAsync(page, "ArrowLeft");

        await PressAsync(page, "Tab");

        Assert.Single(await LabelEventsAsync());
        Assert.Equal(first, ShownItem(page));
        Assert.Equal(ClassNamed("Apple").Id, (await ItemAsync(first)).CurrentClassId);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("4")]
    [InlineData("Enter")]
    [InlineData("ArrowRight")]
    public async Task KeyThatMeansNothingHereChangesNothing(string key)
    {
        var page = await OpenPageAsync();
        var first = ShownItem(page);
        var markup = WithoutRendererIdss(page.Markup);

        await PressAsync(page, key);

        Assert.Equal(first, ShownItem(page));
        Assert.Empty(await LabelEventsAsync());
        Assert.Equal(markup, WithoutRendererIdss(page.Markup));
    }

    [Fact]
    public async Task KeyPressedWhileASaveIsInFlightIsIgnored()
    {
        var page = await OpenPageAsync();
        var first = ShownItem(page);
        _gate.Close();
        var saving = page.InvokeAsync(() => page.Instance.HandleKeyAsync("1"));
        await _gate.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        await PressAsync(page, "2");
        await PressAsync(page, "Tab");
        _gate.Open();
        await saving.WaitAsync(TimeSpan.FromSeconds(10));

        var saved = Assert.Single(await LabelEventsAsync());
        Assert.Equal((first, ClassNamed("Apple").Id), (saved.ItemId, saved.ClassId));
        Assert.Null((await ItemAsync(ShownItem(page))).CurrentClassId);
        Assert.NotEqual(first, ShownItem(page));
    }

    [Fact]
    public async Task CommentTypedBeforeALabelIsSavedWithIt()
    {
        var page = await OpenPageAsync();
        await PressAsync(page, "c");

        page.Find("#comment").Input("bruised on one side");
        await PressAsync(page, "3");

        Assert.Equal("bruised on one side", Assert.Single(await LabelEventsAsync()).Comment);
        Assert.Equal("", page.Find("#comment").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task InstructionsKeyShowsAndHidesTheProjectInstructions()
    {
        var page = await OpenPageAsync();

        await PressAsync(page, "i");
        var shown = page.FindAll(".instructions").Select(e => e.TextContent.Trim()).ToList();
        await PressAsync(page, "I");

        Assert.Equal([Project.Instructions], shown);
        Assert.Empty(page.FindAll(".instructions"));
    }

    [Fact]
    public async Task PageAsksTheBrowserForTheClassKeysAndThePageKeys()
    {
        var module = JSInterop.SetupModule("/assets/hotkeys.js");
        module.Mode = JSRuntimeMode.Loose;

        await OpenPageAsync();

        var attach = module.VerifyInvoke("attach");
        var keys = Assert.IsAssignableFrom<IEnumerable<string>>(attach.Arguments[1]);
        Assert.Equal(["1", "2", "3", .. LabelingKeys.PageKeys], keys);
    }

    [Fact]
    public async Task LetterHotkeyWorksWithShiftOrCapsLock()
    {
        await SetHotkeyAsync("Pear", "p");
        var module = JSInterop.SetupModule("/assets/hotkeys.js");
        module.Mode = JSRuntimeMode.Loose;
        var page = await OpenPageAsync();
        var first = ShownItem(page);

        var keys = Assert.IsAssignableFrom<IEnumerable<string>>(module.VerifyInvoke("attach").Arguments[1]).ToList();
        await PressAsync(page, "P");

        Assert.Contains("p", keys);
        Assert.Contains("P", keys);
        Assert.Equal(ClassNamed("Pear").Id, (await ItemAsync(first)).CurrentClassId);
    }

    [Fact]
    public async Task StatusLineKeepsANewModelWhenThePageRendersAgain()
    {
        var page = await OpenPageAsync();
        foreach (var key in new[] { "1", "2", "1", "2", "3" })
        {
            await PressAsync(page, key);
        }
        var model = await Services.GetRequiredService<TrainingRunner>()
            .RunIfDueAsync(Project.Id, CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal($"{model?.Version}", ModelShown(page)), TimeSpan.FromSeconds(10));

        await PressAsync(page, "i");

        Assert.NotNull(model);
        Assert.Equal($"{model.Version}", ModelShown(page));
    }

    [Fact]
    public async Task WhenEveryItemIsDecidedThePageSaysTheQueueIsEmpty()
    {
        var page = await OpenPageAsync();

        for (var i = 0; i < ItemCount; i++)
        {
            await PressAsync(page, i % 2 == 0 ? "Tab" : "1");
        }

        Assert.Contains("press ← to go back", page.Find("#queue-empty").TextContent);
        Assert.True(string.IsNullOrEmpty(page.Find("#labeling-ready").GetAttribute("data-item")));
        Assert.Equal(ItemCount, (await LabelEventsAsync()).Select(e => e.ItemId).Distinct().Count());

        // The skipped ones are reachable as the message says.
        await PressAsync(page, "ArrowLeft");
        Assert.False(string.IsNullOrEmpty(page.Find("#labeling-ready").GetAttribute("data-item")));
    }

    [Fact]
    public async Task ProjectThatDoesNotExistShowsAWarningAndNoItem()
    {
        var page = Render<LabelPage>(parameters => parameters.Add(p => p.ProjectId, Project.Id + 100));

        await page.WaitForAssertionAsync(() => Assert.Contains("This project does not exist.", page.Markup));

        Assert.Empty(page.FindAll("#labeling-ready"));
    }

    /// <summary>Gives a class another hotkey through the settings service, as a lead would.</summary>
    private async Task SetHotkeyAsync(string className, string hotkey)
    {
        var draft = ProjectDrafts.From(Project);
        draft.Classes.Single(c => c.Name == className).Hotkey = hotkey;
        await Services.GetRequiredService<ProjectService>()
            .UpdateAsync(Project.Id, draft, userId: null, CancellationToken.None);
    }

    private async Task<IRenderedComponent<LabelPage>> OpenPageAsync()
    {
        var page = Render<LabelPage>(parameters => parameters.Add(p => p.ProjectId, Project.Id));
        await page.WaitForElementAsync("#labeling-ready");
        return page;
    }

    private static Task PressAsync(IRenderedComponent<LabelPage> page, string key) =>
        page.InvokeAsync(() => page.Instance.HandleKeyAsync(key));

    /// <summary>Markup without the renderer's handler and element ids, which change on every render.</summary>
    private static string WithoutRendererIdss(string markup) => RendererIds().Replace(markup, "");

    [GeneratedRegex(@"blazor:[\w:]+=""[^""]*""")]
    private static partial Regex RendererIds();

    private static string? ModelShown(IRenderedComponent<LabelPage> page) =>
        page.Find("#status-line").GetAttribute("data-model");

    private static long ShownItem(IRenderedComponent<LabelPage> page) =>
        long.Parse(page.Find("#labeling-ready").GetAttribute("data-item")!);
}
