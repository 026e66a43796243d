using Bunit;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Quality;
using LabelStudio.Ml;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Features.Quality;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Quality;

public sealed class DashboardComponentTests : ComponentTestBase
{
    [Fact]
    public void StoppingCardSaysYouCanStopOnceTheModelHasSettled()
    {
        ModelPoint[] versions = [new(1, 20, 0.90, null), new(2, 40, 0.91, 0.97), new(3, 60, 0.91, 0.98)];

        var card = Render<StoppingCard>(p => p
            .Add(c => c.Advice, StoppingSignal.Evaluate(versions))
            .Add(c => c.Versions, versions));

        Assert.Equal("You can probably stop", card.Find("#stopping-verdict").TextContent.Trim());
        Assert.Contains("stopping-canstop", card.Find("#stopping").ClassName);
        Assert.Contains("model v3 on 60 labels", card.Markup);
    }

    [Fact]
    public void StoppingCardGivesTheReasonWithoutRepeatingItsHeadline()
    {
        ModelPoint[] versions = [new(1, 20, 0.90, null), new(2, 40, 0.91, 0.97)];

        var card = Render<StoppingCard>(p => p
            .Add(c => c.Advice, StoppingSignal.Evaluate(versions))
            .Add(c => c.Versions, versions));

        Assert.Equal("Keep labeling: too early to tell", card.Find("#stopping-verdict").TextContent.Trim());
        Assert.Equal(
            "Too early to tell (2 of 3 model versions so far).", card.Find("#stopping-reason").TextContent.Trim());
    }

    [Fact]
    public void AgreementPanelWarnsBelowTheFloorAndShowsAnUndefinedCoefficientAsADash()
    {
        var view = new AgreementView(
            FleissKappa: 0.41,
            KrippendorffAlpha: 0.42,
            SharedItems: 30,
            Pairs: [new PairRow("ann@x", "bob@x", 30, 0.41)],
            PerClass: [new ClassAgreementRow("Apple", 0.8, 0.81), new ClassAgreementRow("Plum", null, null)]);

        var panel = Render<AgreementPanel>(p => p.Add(c => c.View, view));

        Assert.NotNull(panel.Find("#agreement-warning"));
        var plum = panel.FindAll("#agreement-per-class tbody tr")[1];
        Assert.Equal(["Plum", "–", "–"], plum.Children.Select(td => td.TextContent.Trim()));
        Assert.Contains("low", panel.Find("#agreement-pairs tbody td:last-child").ClassName);
    }

    [Fact]
    public async Task DashboardOfAProjectWithoutLabelsShowsWhereChartsWillBe()
    {
        await SignInAsLeadAsync();

        var page = Render<DashboardPage>(p => p.Add(d => d.ProjectId, Project.Id));

        page.WaitForAssertion(
            () => Assert.Contains("The chart starts with the first label.", page.Markup), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AgreementPanelWithoutDoubleLabeledItemsExplainsWhy()
    {
        var panel = Render<AgreementPanel>(p => p.Add(c => c.View, AgreementView.Empty));

        Assert.NotNull(panel.Find("#agreement-none"));
        Assert.Empty(panel.FindAll("#agreement-warning"));
    }

    [Fact]
    public void ConfusionMatrixShowsHeldOutCountsByActualRowAndPredictedColumn()
    {
        var confusion = new ConfusionView(4, ["Apple", "Pear"], [[8, 2], [1, 9]]);

        var matrix = Render<ConfusionMatrix>(p => p.Add(c => c.Confusion, confusion));

        var rows = matrix.FindAll("#confusion tbody tr");
        Assert.Equal(["Apple", "8", "2"], rows[0].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["Pear", "1", "9"], rows[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("hit", rows[1].Children[2].ClassName);
        Assert.Contains("model v4", matrix.Markup);
    }

    [Fact]
    public async Task DashboardShowsALeadTheTeamsRealAgreementAndWhatWaitsForReview()
    {
        await SignInAsLeadAsync();
        await SetOverlapAsync(2);
        await LabelAsync("alice", ("fruit-1", "Apple"), ("fruit-2", "Pear"), ("fruit-3", "Plum"));
        await LabelAsync("bob", ("fruit-1", "Apple"), ("fruit-2", "Pear"), ("fruit-3", "Apple"));

        var page = Render<DashboardPage>(p => p.Add(d => d.ProjectId, Project.Id));

        // fruit-3 is a 1–1 tie: it waits for review and has no final label.
        // The first build runs on the feed's own task: a busy machine may take a few seconds.
        page.WaitForAssertion(
            () => Assert.Equal("1", page.Find("#disputed").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal("2", page.Find("#labeled").TextContent.Trim());
        Assert.Equal(2, page.FindAll("#annotators tbody tr").Count);
        Assert.Equal("3", page.Find("#agreement-pairs tbody td:nth-child(2)").TextContent.Trim());
        Assert.Contains("Review disagreements (1)", page.Find("#open-review").TextContent);
    }

    [Fact]
    public async Task DashboardShowsAColleaguesNewLabelWithinSecondsWithoutAReload()
    {
        await SignInAsLeadAsync();
        var page = Render<DashboardPage>(p => p.Add(d => d.ProjectId, Project.Id));
        page.WaitForAssertion(
            () => Assert.Equal("0", page.Find("#labeled").TextContent.Trim()), TimeSpan.FromSeconds(10));

        await LabelAsync("alice", ("fruit-1", "Apple"), ("fruit-2", "Pear"));

        page.WaitForAssertion(
            () => Assert.Equal("2", page.Find("#labeled").TextContent.Trim()), TimeSpan.FromSeconds(3));
        Assert.NotEqual("0", page.Find("#dashboard-live").GetAttribute("data-updates"));
    }

    [Fact]
    public void ProgressCardCountsTheLabelsStillNeededNotJustTheItems()
    {
        var progress = new ProgressSummary(Items: 100, Labeled: 10, Disputed: 0, Unlabeled: 90, LabelEvents: 20);
        var left = new TimeLeft(
            RemainingItems: 90, RemainingLabels: 180, LabelsPerDay: 60, Days: 3, LabelingHours: 0.5);

        var card = Render<ProgressCard>(p => p.Add(c => c.Progress, progress).Add(c => c.TimeLeft, left));

        Assert.Equal(
            "180 labels to go: about 3.0 days at the recent pace of 60 labels a day, " +
            "or 0.5 hours of labeling at the median time per item.",
            card.Find("#time-left").TextContent.Trim());
    }

    [Fact]
    public void ProgressChartOfAFirstMinuteDrawsALineFromZeroPerMinute()
    {
        var start = new DateTime(2026, 12, 4, 21, 30, 0, DateTimeKind.Utc);
        TimePoint[] points = [new(start, 6, 6, TimeSpan.FromMinutes(1))];

        var chart = Render<ProgressChart>(p => p.Add(c => c.Points, points));

        Assert.Contains("Labels per minute", chart.Markup);
        Assert.Contains("21:29", chart.Markup);
        Assert.Contains("21:30", chart.Markup);
    }

    [Fact]
    public void AnnotatorTableDrawsEachFigureAsABarAgainstTheColumnsLargest()
    {
        AnnotatorRow[] rows = [new("ann@x", 120, 130, 60, 5, 0.8), new("bob@x", 30, 30, 90, 4, 0.7)];

        var table = Render<AnnotatorTable>(p => p.Add(t => t.Rows, rows));

        var bob = table.FindAll("#annotators tbody tr")[1];
        Assert.Equal(
            ["width: 25%", "width: 100%"],
            bob.QuerySelectorAll(".bar").Select(b => b.GetAttribute("style")));
        Assert.Equal("30", bob.Children[1].TextContent.Trim());
    }

    [Fact]
    public void DashboardIsNotShownToAnAnnotator()
    {
        var page = Render<DashboardPage>(p => p.Add(d => d.ProjectId, Project.Id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#not-allowed")));
        Assert.Empty(page.FindAll("#stopping"));
    }

    private async Task LabelAsync(string userId, params (string Item, string Class)[] labels)
    {
        var labeling = Services.GetRequiredService<LabelingService>();
        foreach (var (item, className) in labels)
        {
            var itemId = await ItemIdAsync(item);
            var submission = new LabelSubmission(
                Project.Id, itemId, userId, ClassNamed(className).Id, 3, Comment: null, SuggestionShown: false);
            await labeling.SubmitAsync(submission, CancellationToken.None);
        }
    }
}
