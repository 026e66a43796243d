using System.Text.Json;
using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>
/// Names as long as the limits allow, and as many classes as a real project has, stay inside the pages.
/// </summary>
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

    [Fact]
    public async Task TheDashboardOfATenClassProjectStaysInsideTheWindow()
    {
        string[] kinds = ["ankle-boot", "bag", "coat", "dress", "pullover", "sandal", "shirt", "sneaker", "t-shirt"];
        var draft = new ProjectDraft
        {
            Name = "Ten kinds",
            Classes =
            [
                .. kinds.Select(k => new ClassDraft { Name = k }),
                new ClassDraft { Name = new string('w', 30) },
            ],
        };
        var project = await app.Services.GetRequiredService<ProjectService>()
            .CreateAsync(draft, null, CancellationToken.None);
        var confusion = Enumerable.Range(0, 10)
            .Select(a => Enumerable.Range(0, 10).Select(p => a == p ? 120 : a).ToArray());
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.ModelVersions.Add(new ModelVersion
            {
                ProjectId = project.Id,
                Version = 1,
                CreatedAt = DateTimeOffset.UtcNow,
                LabelCount = 1_500,
                EstimatedAccuracy = 0.9,
                AccuracyMethod = "20% stratified hold-out, calibrated over the unlabeled items",
                ModelFile = "none.zip",
                ConfusionJson = JsonSerializer.Serialize(confusion),
            });
            await db.SaveChangesAsync();
        }
        var page = await app.NewPageAsync(viewportHeight: 800);

        await LoginForm.LogInAsync(page, AppFixture.Admin, $"/projects/{project.Id}/dashboard");
        await Assertions.Expect(page.Locator("#confusion")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.Equal(0, await HorizontalOverflowAsync(page));
    }

    /// <summary>How many pixels the page is wider than the window: a long unbroken word shows as a scrollbar.</summary>
    private static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
}
