using Bunit;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Teams;
using LabelStudio.Web.Features.Admin;
using LabelStudio.Web.Features.Labeling;
using LabelStudio.Web.Features.Projects;
using LabelStudio.Web.Features.Teams;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Teams;

public sealed class TeamComponentTests : ComponentTestBase
{
    [Fact]
    public void MyProgressShowsTheAnnotatorsTotalAndTodaysCount()
    {
        var cut = Render<MyProgress>(p => p.Add(c => c.Progress, new AnnotatorProgress(1234, 56, 0)));

        Assert.Equal("1,234", cut.Find("#my-labeled").TextContent);
        Assert.Equal("56", cut.Find("#my-today").TextContent);
        Assert.DoesNotContain("Skipped", cut.Markup);
    }

    [Fact]
    public async Task LabelPageCountsTheAnnotatorsOwnLabelsAsTheyAreSaved()
    {
        var page = Render<LabelPage>(p => p.Add(c => c.ProjectId, Project.Id));
        page.WaitForElement("#my-today");
        Assert.Equal("0", page.Find("#my-today").TextContent);

        await page.InvokeAsync(() => page.Instance.HandleKeyAsync("1"));
        await page.InvokeAsync(() => page.Instance.HandleKeyAsync("2"));

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("#my-today").TextContent));
        Assert.Equal("2", page.Find("#my-labeled").TextContent);
    }

    [Fact]
    public void TheNewUserButtonSaysCreateAsSoonAsAPasswordIsTyped()
    {
        var form = Render<NewUserForm>();
        Assert.Equal("Invite", form.Find("#add-user").TextContent.Trim());

        form.Find("#new-user-password").Input("a long passphrase");

        Assert.Equal("Create", form.Find("#add-user").TextContent.Trim());
    }

    [Fact]
    public void MemberListShowsEachMemberWithTheirRoleAndRemovesTheOneClicked()
    {
        MemberView[] members =
        [
            new("u1", "ann@example.com", "Ann", ProjectRole.Annotator, Active: true),
            new("u2", "dan@example.com", "Dan", ProjectRole.DataScientist, Active: false),
        ];
        MemberView? removed = null;
        var cut = Render<MemberList>(p => p
            .Add(c => c.Members, members)
            .Add(c => c.OnRemove, (MemberView m) => removed = m));

        var roles = cut.FindAll(".member-role").Select(cell => cell.TextContent);
        cut.FindAll("button.remove-member")[1].Click();

        Assert.Equal(["annotator", "data scientist"], roles);
        Assert.Contains("(deactivated)", cut.Find("tr[data-email='dan@example.com']").TextContent);
        Assert.Equal("u2", removed?.UserId);
    }

    [Fact]
    public void TimelineShowsWhoDidWhatAndTheAccuracyOfTrainings()
    {
        ActivityEntry[] entries =
        [
            new(2, DateTimeOffset.UtcNow, ActivityType.Training, "LabelStudio", "Trained model v3 on 60 labels", 0.913),
            new(1, DateTimeOffset.UtcNow.AddMinutes(-5), ActivityType.Import, "lead@example.com",
                "Imported penguins.csv: 344 items", null),
        ];

        var cut = Render<ActivityTimeline>(p => p.Add(c => c.Entries, entries));

        var shown = cut.FindAll(".activity-entry");
        Assert.Equal(["Training", "Import"], shown.Select(e => e.GetAttribute("data-kind")));
        Assert.Contains("est. accuracy 0.91", shown[0].TextContent);
        Assert.Contains("lead@example.com", shown[1].TextContent);
        Assert.Single(cut.FindAll(".activity-accuracy"));
    }

    [Fact]
    public void OverlapSettingsAskForTheUncertainShareOnlyWhenItApplies()
    {
        var draft = new ProjectDraft { Overlap = 1 };
        var cut = Render<OverlapSettings>(p => p.Add(c => c.Draft, draft));
        Assert.Empty(cut.FindAll("#overlap-scope"));

        draft.Overlap = 2;
        draft.OverlapScope = OverlapScope.UncertainItems;
        cut.Render();

        Assert.NotEmpty(cut.FindAll("#overlap-scope"));
        Assert.NotEmpty(cut.FindAll("#overlap-percent"));
    }

    [Fact]
    public async Task SavingNewSettingsPutsWhatChangedOnTheTimeline()
    {
        var draft = ProjectDrafts.From(Project);
        draft.Overlap = 2;

        await Services.GetRequiredService<ProjectService>().UpdateAsync(Project.Id, draft, UserId, default);

        var entries = await Services.GetRequiredService<ActivityLog>()
            .ListAsync(Project.Id, new ActivityFilter(ActivityType.Settings), default);
        Assert.Contains(entries, e => e.Summary == "Changed overlap 1 → 2 on every item");
    }
}
