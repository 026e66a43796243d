using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>Names as long as the limits allow, with no space to break at, stay inside the pages.</summary>
public sealed class LongNamesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheLongestNamesWrapInsteadOfWideningThePages()
    {
        var draft = new ProjectDraft
        {
            Name = new string('N', ProjectRules.MaxNameLength),
            Description = new string('d', 400),
            Classes =
            [
                new ClassDraft { Name = new string('a', ProjectRules.MaxClassNameLength) },
                new ClassDraft { Name = new string('b', ProjectRules.MaxClassNameLength) },
            ],
        };
        var project = await app.Services.GetRequiredService<ProjectService>()
            .CreateAsync(draft, null, CancellationToken.None);
        var page = await app.NewPageAsync();

        await LoginForm.LogInAsync(page, AppFixture.Admin);
        await Assertions.Expect(page.Locator("#projects-title")).ToBeVisibleAsync();
        var homeOverflow = await HorizontalOverflowAsync(page);
        await page.GotoAsync($"/projects/{project.Id}");
        await Assertions.Expect(page.Locator(".project-description").First).ToBeVisibleAsync();
        var projectOverflow = await HorizontalOverflowAsync(page);

        Assert.Equal((0, 0), (homeOverflow, projectOverflow));
    }

    /// <summary>How many pixels the page is wider than the window: a long unbroken word shows as a scrollbar.</summary>
    private static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
}
