using System.Net;
using System.Text.RegularExpressions;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Health;

/// <summary>
/// Outside Development the framework's script and MudBlazor's files must still be served: without them
/// pages render as unstyled HTML and no button or key works.
/// </summary>
public sealed partial class PageAssetsTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task EveryScriptAndStylesheetTheLoginPageNamesIsServed(string environment)
    {
        using var data = new TempDirectory();
        await using var app = new AppFactory(data.Path, "a-long-test-password", seedDemo: false,
            new Dictionary<string, string> { ["environment"] = environment });
        using var client = app.CreateBrowserlessClient();
        var page = await client.GetStringAsync("/login");

        var assets = AssetReference().Matches(page).Select(m => m.Groups["url"].Value).Distinct().ToList();

        Assert.Contains(assets, url => url.Contains("blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, url => url.Contains("MudBlazor", StringComparison.Ordinal));
        foreach (var url in assets)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && body.Length > 0,
                $"{url} answered {(int)response.StatusCode} with {body.Length} bytes in {environment}.");
        }
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+\.(?:js|css))""")]
    private static partial Regex AssetReference();
}
