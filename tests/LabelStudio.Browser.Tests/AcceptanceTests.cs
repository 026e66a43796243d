using System.Text.RegularExpressions;
using LabelStudio.Browser.Tests.Infrastructure;

namespace LabelStudio.Browser.Tests;

/// <summary>The whole loop a new user goes through, in one real browser against one fresh app.</summary>
public sealed partial class AcceptanceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int LabelCount = 25;

    [Fact]
    public async Task AnAnnotatorLabelsTwentyFivePenguinsByKeyboardSeesAModelAndExportsThoseLabels()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await LoginForm.SubmitAsync(page, AppFixture.Admin);
        await Assertions.Expect(page.Locator("#projects-title")).ToBeVisibleAsync();
        await page.WaitUntilLiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Penguins", Exact = true }).ClickAsync();
        await page.Locator("#start-labeling").ClickAsync();
        var labeling = new LabelingPage(page);
        await labeling.WaitForItemAsync();

        var labeled = new Dictionary<string, string>();
        for (var i = 0; i < LabelCount; i++)
        {
            var id = await labeling.ExternalIdAsync();
            var key = PenguinRule.KeyFor(await labeling.ReadFieldsAsync());
            await labeling.PressAsync(key);
            labeled.Add(id, PenguinRule.ClassName(key));
        }

        Assert.True(labeled.Values.Distinct().Count() >= 2, "The rule should have used at least two classes.");
        await Assertions.Expect(labeling.StatusLine).ToHaveAttributeAsync("data-labeled", $"{LabelCount}");
        await Assertions.Expect(labeling.StatusLine)
            .ToHaveAttributeAsync("data-model", PositiveNumber(), new() { Timeout = 60_000 });

        await page.Locator(".label-header a").ClickAsync();
        await Assertions.Expect(page.Locator("#export-csv")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var rows = CsvText.Parse(await File.ReadAllTextAsync(await download.PathAsync()));

        var header = rows[0];
        Assert.Equal(OriginalColumnsWithoutSpecies(), header.Take(OriginalColumnsWithoutSpecies().Length));
        Assert.Contains("label", header);
        Assert.Contains("annotator", header);
        Assert.Contains("model_version", header);
        var data = rows.Skip(1).ToList();
        Assert.Equal(LabelCount, data.Count);
        var exported = data.ToDictionary(
            row => row[Array.IndexOf(header, "Id")],
            row => row[Array.IndexOf(header, "label")]);
        Assert.Equal(labeled.OrderBy(p => p.Key), exported.OrderBy(p => p.Key));
        Assert.All(data, row => Assert.Equal(AppFixture.Admin.Email, row[Array.IndexOf(header, "annotator")]));
    }

    // The export repeats the imported columns in file order; the hidden answer column stays out.
    private static string[] OriginalColumnsWithoutSpecies()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "penguins.csv");
        return File.ReadLines(sample).First().Split(',').Where(c => c != "Species").ToArray();
    }

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex PositiveNumber();
}
