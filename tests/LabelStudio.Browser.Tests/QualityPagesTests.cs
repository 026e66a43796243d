using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>
/// Three annotators label the demo penguins twice over, some carelessly, while the model retrains;
/// the lead opens the dashboard and the review page. Set LABELSTUDIO_SCREENSHOTS_DIR to keep the
/// pictures as docs/screenshots/dashboard.png and review.png.
/// </summary>
public sealed class QualityPagesTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private const int Rounds = 5, ItemsPerRound = 30;

    private readonly string temp = Path.Combine(Path.GetTempPath(), $"labelstudio-shots-{Guid.NewGuid():N}");

    private string Folder => Environment.GetEnvironmentVariable("LABELSTUDIO_SCREENSHOTS_DIR") is { Length: > 0 } kept
        ? Path.GetFullPath(kept)
        : temp;

    [Fact]
    public async Task TheLeadSeesAgreementTheStoppingSignalAndTheDisagreementsToReview()
    {
        var projectId = await app.PenguinsIdAsync();
        await LabelTwiceOverAsync(projectId);
        var page = await app.NewPageAsync(viewportHeight: 900);
        Directory.CreateDirectory(Folder);

        await LoginForm.LogInAsync(page, AppFixture.Admin, $"/projects/{projectId}/dashboard");
        await Assertions.Expect(page.Locator("#learning-curve")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#annotators tbody tr")).ToHaveCountAsync(3);
        // Penguins are easy: after five rounds the model may well have settled already.
        await Assertions.Expect(page.Locator("#stopping-verdict"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Keep labeling|You can probably stop)$"));
        await Assertions.Expect(page.Locator("#confusion")).ToBeVisibleAsync();
        var disputed = int.Parse(await page.Locator("#disputed").InnerTextAsync(),
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(disputed, 1, Rounds * ItemsPerRound);
        await ShootAsync(page, "dashboard");

        await page.Locator("#open-review").ClickAsync();
        await Assertions.Expect(page.Locator("#review-votes li")).ToHaveCountAsync(2);
        await page.WaitUntilLiveAsync();
        await ShootAsync(page, "review");
    }

    /// <summary>
    /// Each item gets two votes from three annotators; the third annotator mislabels one item in
    /// four, so some items tie and wait for review. A retrain follows every round.
    /// </summary>
    private async Task LabelTwiceOverAsync(int projectId)
    {
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            emails.Add((await app.CreateAnnotatorAsync()).Email);
        }

        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(p => p.SetProperty(x => x.Overlap, 2));
        var users = await db.Users.Where(u => emails.Contains(u.Email!)).OrderBy(u => u.Email).Select(u => u.Id)
            .ToListAsync();
        var classes = await db.LabelClasses.Where(c => c.ProjectId == projectId).OrderBy(c => c.Ordinal)
            .ToListAsync();
        // Every other bird: the file is sorted by species, and each species should have labels.
        var items = (await db.Items.Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.GroundTruth }).ToListAsync())
            .Where((_, index) => index % 2 == 0)
            .Take(Rounds * ItemsPerRound)
            .ToList();
        var labeling = app.Services.GetRequiredService<LabelingService>();
        var runner = app.Services.GetRequiredService<TrainingRunner>();

        for (var n = 0; n < items.Count; n++)
        {
            var truth = classes.Single(c => c.Name == items[n].GroundTruth);
            foreach (var annotator in new[] { n % 3, (n + 1) % 3 })
            {
                var careless = annotator == 2 && n % 4 == 0;
                var classId = careless ? classes[(classes.IndexOf(truth) + 1) % classes.Count].Id : truth.Id;
                var seconds = 3 + annotator * 2 + n % 5;
                await labeling.SubmitAsync(
                    new LabelSubmission(projectId, items[n].Id, users[annotator], classId, seconds, null, false),
                    CancellationToken.None);
            }
            if ((n + 1) % ItemsPerRound == 0)
            {
                await runner.RunIfDueAsync(projectId, CancellationToken.None);
            }
        }
        await EnsureModelVersionsAsync(projectId, Rounds);
    }

    /// <summary>
    /// Retrains until the project has <paramref name="count"/> model versions: the app's own worker
    /// may have claimed a round's run first, and then this test's call found nothing due.
    /// </summary>
    private async Task EnsureModelVersionsAsync(int projectId, int count)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var runner = app.Services.GetRequiredService<TrainingRunner>();
        var scheduler = app.Services.GetRequiredService<TrainingScheduler>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        await using var db = await contexts.CreateDbContextAsync();
        while (await db.ModelVersions.CountAsync(m => m.ProjectId == projectId) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The project did not reach {count} model versions.");
            await scheduler.RequestAsync(projectId, CancellationToken.None);
            await runner.RunIfDueAsync(projectId, CancellationToken.None);
            await Task.Delay(200);
        }
    }

    private async Task ShootAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Folder, $"{name}.png"),
            FullPage = true,
        });
    }

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
