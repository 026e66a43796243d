using System.Text;
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
        var circuitAsked = new TaskCompletionSource();
        var clicked = new TaskCompletionSource();
        await page.RouteWebSocketAsync(
            "**/_blazor**",
            browserSide => SlowDownstream(browserSide, circuitAsked, clicked.Task));
        await page.GotoAsync("/");
        await circuitAsked.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await page.GetByRole(AriaRole.Link, new() { Name = "Penguins", Exact = true }).ClickAsync();
        clicked.SetResult();
        await page.WaitUntilLiveAsync();

        Assert.Equal($"/projects/{await app.PenguinsIdAsync()}", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("#start-labeling")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#projects-title")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A slow network, made certain: the browser asks the server to start the page's live circuit,
    /// and everything the server answers is held back until the click is done.
    /// </summary>
    private static void SlowDownstream(IWebSocketRoute browserSide, TaskCompletionSource circuitAsked, Task clicked)
    {
        var serverSide = browserSide.ConnectToServer();
        var delivered = Task.CompletedTask;
        browserSide.OnMessage(frame =>
        {
            Forward(serverSide, frame);
            if (frame.Binary is { } bytes && Encoding.ASCII.GetString(bytes).Contains("StartCircuit"))
            {
                circuitAsked.TrySetResult();
            }
        });
        serverSide.OnMessage(frame =>
        {
            var gate = circuitAsked.Task.IsCompleted ? clicked : Task.CompletedTask;
            delivered = Task.WhenAll(delivered, gate)
                .ContinueWith(_ => Forward(browserSide, frame), TaskScheduler.Default);
        });
    }

    private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
        else
        {
            to.Send(frame.Text ?? "");
        }
    }
}
