using Bunit;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Training;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Features.Quality;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Quality;

public sealed class ReviewPageTests : ComponentTestBase
{
    [Fact]
    public async Task ReviewPageRecordsAFinalLabelByKeyAndTheNextModelTrainsOnIt()
    {
        await SignInAsLeadAsync();
        await SetOverlapAsync(2);
        await LabelAsync(
            "alice", ("fruit-1", "Apple"), ("fruit-2", "Pear"), ("fruit-3", "Apple"), ("fruit-5", "Apple"));
        await LabelAsync("bob", ("fruit-4", "Pear"), ("fruit-5", "Pear"));
        var disputed = await ItemIdAsync("fruit-5");
        var page = Render<ReviewPage>(p => p.Add(r => r.ProjectId, Project.Id));
        page.WaitForAssertion(() =>
            Assert.Equal($"{disputed}", page.Find("#review-ready").GetAttribute("data-hotkey-context")));
        Assert.Equal(2, page.FindAll("#review-votes li").Count);

        await page.InvokeAsync(() => page.Instance.HandleKeyAsync("3", $"{disputed}"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#review-empty")));
        var item = await ItemAsync(disputed);
        Assert.Equal((ClassNamed("Plum").Id, LabelSource.Review), (item.CurrentClassId, item.LabelSource));
        var runner = Services.GetRequiredService<TrainingRunner>();
        var model = await runner.RunIfDueAsync(Project.Id, CancellationToken.None);
        Assert.NotNull(model);
        // Four single labels plus the reviewed item; the tie alone would have left it out.
        Assert.Equal(5, model.LabelCount);
    }

    [Fact]
    public async Task AKeyMeantForAnEarlierItemDecidesNothing()
    {
        await SignInAsLeadAsync();
        await SetOverlapAsync(2);
        await LabelAsync("alice", ("fruit-1", "Apple"));
        await LabelAsync("bob", ("fruit-1", "Pear"));
        var page = Render<ReviewPage>(p => p.Add(r => r.ProjectId, Project.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#review-ready")));

        await page.InvokeAsync(() => page.Instance.HandleKeyAsync("1", "999999"));

        var item = await ItemAsync(await ItemIdAsync("fruit-1"));
        Assert.Equal(LabelSource.Disputed, item.LabelSource);
    }

    [Fact]
    public async Task ANewDisagreementAppearsOnAnOpenEmptyReviewPageWithoutAReload()
    {
        await SignInAsLeadAsync();
        await SetOverlapAsync(2);
        var page = Render<ReviewPage>(p => p.Add(r => r.ProjectId, Project.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#review-empty")));

        await LabelAsync("alice", ("fruit-2", "Apple"));
        await LabelAsync("bob", ("fruit-2", "Plum"));

        var disputed = await ItemIdAsync("fruit-2");
        page.WaitForAssertion(
            () => Assert.Equal($"{disputed}", page.Find("#review-ready").GetAttribute("data-hotkey-context")),
            TimeSpan.FromSeconds(3));
        Assert.Equal("1 waiting", page.Find("#review-remaining").TextContent.Trim());
    }

    [Fact]
    public async Task AnItemSettledByAnotherReviewerMakesWayForTheNextOne()
    {
        await SignInAsLeadAsync();
        await SetOverlapAsync(2);
        await LabelAsync("alice", ("fruit-1", "Apple"), ("fruit-2", "Apple"));
        await LabelAsync("bob", ("fruit-1", "Pear"), ("fruit-2", "Pear"));
        var (first, second) = (await ItemIdAsync("fruit-1"), await ItemIdAsync("fruit-2"));
        var page = Render<ReviewPage>(p => p.Add(r => r.ProjectId, Project.Id));
        page.WaitForAssertion(() =>
            Assert.Equal($"{first}", page.Find("#review-ready").GetAttribute("data-hotkey-context")));

        await Services.GetRequiredService<LabelStudio.Core.Quality.ReviewService>().DecideAsync(
            new(Project.Id, first, "other-lead", ClassNamed("Apple").Id, null), CancellationToken.None);

        page.WaitForAssertion(
            () => Assert.Equal($"{second}", page.Find("#review-ready").GetAttribute("data-hotkey-context")),
            TimeSpan.FromSeconds(3));
        Assert.Equal("1 waiting", page.Find("#review-remaining").TextContent.Trim());
    }

    private async Task LabelAsync(string userId, params (string Item, string Class)[] labels)
    {
        var labeling = Services.GetRequiredService<LabelingService>();
        foreach (var (item, className) in labels)
        {
            var submission = new LabelSubmission(
                Project.Id, await ItemIdAsync(item), userId, ClassNamed(className).Id, 3, null, false);
            await labeling.SubmitAsync(submission, CancellationToken.None);
        }
    }
}
