namespace LabelStudio.Browser.Tests.Infrastructure;

internal static class LivePage
{
    /// <summary>
    /// Waits until the page runs over its live connection. Prerendered HTML looks the same before
    /// that, so a marker, not the content, tells the two apart.
    /// </summary>
    public static Task WaitUntilLiveAsync(this IPage page) =>
        page.Locator("#app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
