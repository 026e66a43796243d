using LabelStudio.Browser.Tests.Infrastructure;

namespace LabelStudio.Browser.Tests;

/// <summary>What a user does in the first moments of a page, before its live connection is up.</summary>
public sealed class EarlyInputTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AKeyPressedAsSoonAsTheReadyMarkerAppearsLabelsTheItem()
    {
        var projectId = await app.PenguinsIdAsync();
        var page = await app.NewPageAsync();
        await LoginForm.LogInAsync(page, await app.CreateAnnotatorAsync());
        await page.GotoAsync($"/projects/{projectId}/label");
        var ready = page.Locator("#labeling-ready[data-item]");
        await ready.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var first = await ready.GetAttributeAsync("data-item");

        await page.Keyboard.PressAsync(PenguinRule.Adelie);

        await Assertions.Expect(ready).Not.ToHaveAttributeAsync("data-item", first!, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task ALinkClickedBeforeTheLiveConnectionIsUpOpensThatPageForGood()
    {
        var page = await app.NewPageAsync();
        await LoginForm.LogInAsync(page, await app.CreateAnnotatorAsync());
        await page.WaitUntilLiveAsync();
        var network = new HeldDownstream();
        await network.AttachAsync(page);
        await page.GotoAsync("/");
        await network.CircuitAsked.WaitAsync(TimeSpan.FromSeconds(15));

        await page.GetByRole(AriaRole.Link, new() { Name = "Penguins", Exact = true }).ClickAsync();
        network.Release();
        await page.WaitUntilLiveAsync();

        Assert.Equal($"/projects/{await app.PenguinsIdAsync()}", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("#start-labeling")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#projects-title")).ToHaveCountAsync(0);
    }
}
