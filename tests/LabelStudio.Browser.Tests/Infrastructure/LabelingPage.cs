using System.Globalization;

namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>
/// The labeling page as a user meets it. Every step waits for the page's own ready markers, never a
/// fixed delay: a key pressed before the page listens, or while it still handles the previous key,
/// is dropped by design.
/// </summary>
internal sealed class LabelingPage(IPage page)
{
    private const string ReadyItem = "#labeling-ready[data-item]";

    // True once the page shows an item other than the given one and takes keys again.
    private const string MovedOn = """
        before => document.querySelector('#labeling-ready')?.dataset.item !== before
            && document.documentElement.dataset.hotkeys === 'ready'
        """;

    public IPage Page => page;

    public ILocator ReviewingBanner => page.Locator("#reviewing");

    public ILocator StatusLine => page.Locator("#status-line");

    public async Task<string> OpenAsync(int projectId)
    {
        await page.GotoAsync($"/projects/{projectId}/label");
        return await WaitForItemAsync();
    }

    /// <summary>The database id of the item on screen, once the page is ready for keys.</summary>
    public async Task<string> WaitForItemAsync()
    {
        var ready = page.Locator(ReadyItem);
        await ready.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("html[data-hotkeys=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return await ready.GetAttributeAsync("data-item") ?? "";
    }

    /// <summary>Presses a key and waits until the page shows a different item (or none), returning its id.</summary>
    public async Task<string> PressAsync(string key)
    {
        var before = await WaitForItemAsync();

        await page.Keyboard.PressAsync(key);

        await page.WaitForFunctionAsync(MovedOn, before);
        return await page.Locator("#labeling-ready").GetAttributeAsync("data-item") ?? "";
    }

    /// <summary>The id column's value of the item on screen, as the import file had it.</summary>
    public async Task<string> ExternalIdAsync() =>
        await page.Locator("#item-fields").GetAttributeAsync("data-item-id") ?? "";

    /// <summary>The row on screen: column name to the text the page shows for it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadFieldsAsync()
    {
        var rows = await page.Locator("#item-fields tr").AllAsync();
        var fields = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            var name = await row.Locator("th").InnerTextAsync();
            fields[name.Trim()] = (await row.Locator("td").InnerTextAsync()).Trim();
        }
        return fields;
    }

    /// <summary>The status line's model version, or null before the first model.</summary>
    public async Task<int?> ModelVersionAsync()
    {
        var value = await StatusLine.GetAttributeAsync("data-model");
        var parsed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version);
        return parsed ? version : null;
    }
}
