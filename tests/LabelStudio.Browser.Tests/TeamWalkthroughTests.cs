using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>
/// The "done when", as new users would go through it: an admin invites a lead and two
/// annotators, the lead sets up a project at overlap 2, both annotators label at once in their own
/// browsers, and the lead's open dashboard follows without a reload. Set LABELSTUDIO_WALKTHROUGH_DIR
/// to keep a screenshot of each step.
/// </summary>
public sealed class TeamWalkthroughTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Rounds = 12, RoundSize = 10;

    [Fact]
    public async Task AnInvitedTeamLabelsAtOverlapTwoWhileTheLeadWatchesTheDashboardFollowWithoutReload()
    {
        var (lead, ann, bob) = await InviteTeamAsync();
        var projectId = await TeamSteps.CreatePenguinProjectAsync(lead, "Penguin team", overlap: 2, RoundSize);
        await TeamSteps.ImportPenguinsAsync(lead, projectId);
        await TeamSteps.AddMemberAsync(lead, projectId, "ann@team.test");
        await TeamSteps.AddMemberAsync(lead, projectId, "bob@team.test");
        await lead.GotoAsync($"/projects/{projectId}/dashboard");
        await lead.WaitUntilLiveAsync();
        await Assertions.Expect(lead.Locator("#labeled")).ToHaveTextAsync("0");
        await lead.EvaluateAsync("() => window.sameDashboard = true");

        await LabelTogetherAsync(projectId, ann, bob);

        var (labeled, disputed) = await ItemStatesAsync(projectId);
        Assert.True(disputed > 0, "bob disagrees on every third item");
        await Assertions.Expect(lead.Locator("#labeled")).ToHaveTextAsync($"{labeled}");
        await Assertions.Expect(lead.Locator("#disputed")).ToHaveTextAsync($"{disputed}");
        await Assertions.Expect(lead.Locator("#annotators tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(lead.Locator("#agreement-pairs tbody tr")).ToHaveCountAsync(1);
        // A busy machine may take a while to train; once a model exists the open dashboard must follow.
        await WaitForModelAsync(projectId);
        await Assertions.Expect(lead.Locator("#learning-curve")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(lead.Locator("#stopping-verdict"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Keep labeling"));
        Assert.True(await lead.EvaluateAsync<bool>("() => window.sameDashboard === true"), "no reload");
        await ShootAsync(lead, "dashboard");

        await ReviewEverythingAsync(lead, projectId);
        await Assertions.Expect(lead.Locator("#disputed")).ToHaveTextAsync("0");
        await Assertions.Expect(lead.Locator("#labeled")).ToHaveTextAsync($"{labeled + disputed}");

        await lead.GotoAsync($"/projects/{projectId}/activity");
        foreach (var kind in new[] { "Settings", "Import", "Members", "Training", "Review" })
        {
            await Assertions.Expect(lead.Locator($".activity-entry[data-kind='{kind}']").First).ToBeVisibleAsync();
        }
        await ShootAsync(lead, "activity");
    }

    private async Task<(IPage Lead, IPage Ann, IPage Bob)> InviteTeamAsync()
    {
        var admin = await app.NewPageAsync();
        await LoginForm.LogInAsync(admin, AppFixture.Admin, "/admin/users");
        await admin.WaitUntilLiveAsync();
        var leadLink = await TeamSteps.InviteAsync(admin, "lead@team.test", "Lead");
        var annLink = await TeamSteps.InviteAsync(admin, "ann@team.test", "Annotator");
        var bobLink = await TeamSteps.InviteAsync(admin, "bob@team.test", "Annotator");
        await ShootAsync(admin, "users");

        return (
            await TeamSteps.AcceptInvitationAsync(app, leadLink, "lead@team.test"),
            await TeamSteps.AcceptInvitationAsync(app, annLink, "ann@team.test"),
            await TeamSteps.AcceptInvitationAsync(app, bobLink, "bob@team.test"));
    }

    /// <summary>Both annotators press their key at the same moment; bob picks another class every third item.</summary>
    private async Task LabelTogetherAsync(int projectId, IPage annPage, IPage bobPage)
    {
        var (ann, bob) = (new LabelingPage(annPage), new LabelingPage(bobPage));
        await Task.WhenAll(ann.OpenAsync(projectId), bob.OpenAsync(projectId));
        await annPage.Keyboard.PressAsync("i");
        await Assertions.Expect(annPage.Locator(".instructions")).ToContainTextAsync("Heavy birds are Gentoo");
        await annPage.Keyboard.PressAsync("i");

        for (var round = 0; round < Rounds; round++)
        {
            var annKey = PenguinRule.KeyFor(await ann.ReadFieldsAsync());
            var bobKey = PenguinRule.KeyFor(await bob.ReadFieldsAsync());
            var disagree = round % 3 == 0;
            await Task.WhenAll(ann.PressAsync(annKey), bob.PressAsync(disagree ? Other(bobKey) : bobKey));
        }
        await ShootAsync(annPage, "labeling");
        await Assertions.Expect(annPage.Locator("#my-today")).ToHaveTextAsync($"{Rounds}");
    }

    private async Task ReviewEverythingAsync(IPage lead, int projectId)
    {
        var review = await lead.Context.NewPageAsync();
        await review.GotoAsync($"/projects/{projectId}/review");
        await review.WaitUntilLiveAsync();
        await ShootAsync(review, "review");
        var (ready, empty) = (review.Locator("#review-ready"), review.Locator("#review-empty"));
        while (true)
        {
            await Assertions.Expect(review.Locator("#review-ready, #review-empty").First).ToBeAttachedAsync();
            if (await empty.CountAsync() > 0)
            {
                break;
            }

            var item = await ready.GetAttributeAsync("data-hotkey-context");
            await review.Locator("html[data-hotkeys=ready]")
                .WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await review.Keyboard.PressAsync(PenguinRule.Gentoo);
            await review.WaitForFunctionAsync(
                "before => document.querySelector('#review-ready')?.dataset.hotkeyContext !== before", item);
        }
        await review.CloseAsync();
    }

    private async Task<(int Labeled, int Disputed)> ItemStatesAsync(int projectId)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var items = db.Items.Where(i => i.ProjectId == projectId);
        return (
            await items.CountAsync(i => i.LabelSource == LabelSource.Single || i.LabelSource == LabelSource.Majority),
            await items.CountAsync(i => i.LabelSource == LabelSource.Disputed));
    }

    private async Task WaitForModelAsync(int projectId)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        await using var db = await contexts.CreateDbContextAsync();
        while (!await db.ModelVersions.AnyAsync(m => m.ProjectId == projectId))
        {
            Assert.True(DateTime.UtcNow < deadline, "No model was trained within two minutes.");
            await Task.Delay(250);
        }
    }

    private static string Other(string key) => key == PenguinRule.Adelie ? PenguinRule.Chinstrap : PenguinRule.Adelie;

    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("LABELSTUDIO_WALKTHROUGH_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
