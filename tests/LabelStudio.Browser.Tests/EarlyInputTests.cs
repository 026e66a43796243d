using LabelStudio.Browser.Tests.Infrastructure;

namespace LabelStudio.Browser.Tests;

public sealed class LabelingReadinessTests(AppFixture app) : IClassFixture<AppFixture>
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
}
