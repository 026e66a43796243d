using Bunit;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Training;
using LabelStudio.Web.Features.Projects;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LabelStudio.Web.Tests.Projects;

public sealed class StatusLineTests : ComponentTestBase
{
    private static readonly TrainingStatus Idle = new(false, false, "", 0, null, null);

    [Fact]
    public void StatusLineReadsCountsRoundModelAndAccuracyInOrder()
    {
        var status = new ProjectStatus(20, 12, 14, 3, 2, 0.9137, Idle);

        var line = Render<StatusLine>(p => p.Add(s => s.ProjectId, Project.Id).Add(s => s.Status, status));

        Assert.Equal("12 labeled · 8 left · round 3 · model v2 · est. accuracy 0.91", Sentence(line));
        Assert.Equal("2", line.Find("#status-line").GetAttribute("data-model"));
        Assert.Equal("12", line.Find("#status-line").GetAttribute("data-labeled"));
        Assert.Empty(line.FindAll(".mud-chip"));
    }

    [Fact]
    public void StatusLineWithoutAModelSaysSoAndShowsNoAccuracy()
    {
        var status = new ProjectStatus(344, 0, 0, 1, null, null, Idle);

        var line = Render<StatusLine>(p => p.Add(s => s.ProjectId, Project.Id).Add(s => s.Status, status));

        Assert.Equal("0 labeled · 344 left · round 1 · no model yet", Sentence(line));
        Assert.Equal("", line.Find("#status-line").GetAttribute("data-model") ?? "");
    }

    [Fact]
    public void StatusLineShowsARunningRetrainAndItsPhase()
    {
        var running = new TrainingStatus(true, false, "Ranking unlabeled items", 0.7, null, null);
        var status = new ProjectStatus(20, 5, 5, 2, 1, 0.8, running);

        var line = Render<StatusLine>(p => p.Add(s => s.ProjectId, Project.Id).Add(s => s.Status, status));

        Assert.Equal("retraining: ranking unlabeled items", line.Find(".mud-chip").TextContent.Trim());
    }

    [Fact]
    public void StatusLineWarnsWhenTheLastRetrainFailed()
    {
        var failed = new TrainingStatus(false, false, "", 0, "Only one class has labels.", DateTimeOffset.UnixEpoch);
        var status = new ProjectStatus(20, 5, 5, 2, 1, 0.8, failed);

        var line = Render<StatusLine>(p => p.Add(s => s.ProjectId, Project.Id).Add(s => s.Status, status));

        var chip = line.Find(".mud-chip");
        Assert.Equal("last retrain failed; the previous model is in use", chip.TextContent.Trim());
        Assert.Equal("Only one class has labels.", chip.GetAttribute("title"));
    }

    [Fact]
    public async Task StatusLinePicksUpANewlyTrainedModelAndAnnouncesIt()
    {
        var statuses = Services.GetRequiredService<ProjectStatusService>();
        var before = await statuses.GetAsync(Project.Id, CancellationToken.None);
        var line = Render<StatusLine>(p => p.Add(s => s.ProjectId, Project.Id).Add(s => s.Status, before));
        await LabelARoundAsync(["Apple", "Pear", "Apple", "Pear", "Plum"]);

        var runner = Services.GetRequiredService<TrainingRunner>();
        var model = await runner.RunIfDueAsync(Project.Id, CancellationToken.None);

        Assert.NotNull(model);
        line.WaitForAssertion(
            () => Assert.Equal($"{model.Version}", line.Find("#status-line").GetAttribute("data-model")),
            TimeSpan.FromSeconds(10));
        Assert.Contains($"model v{model.Version}", Sentence(line));
        Assert.Contains($"est. accuracy {model.EstimatedAccuracy:0.00}", Sentence(line));
        var announced = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.StartsWith($"Model v{model.Version} is ready", announced.Message);
    }

    [Fact]
    public async Task OnlyTheNewestModelsNoticeStaysOnScreen()
    {
        var statuses = Services.GetRequiredService<ProjectStatusService>();
        var before = await statuses.GetAsync(Project.Id, CancellationToken.None);
        var line = Render<StatusLine>(p => p.Add(s => s.ProjectId, Project.Id).Add(s => s.Status, before));
        var runner = Services.GetRequiredService<TrainingRunner>();

        await LabelARoundAsync(["Apple", "Pear", "Apple", "Pear", "Plum"]);
        var first = await runner.RunIfDueAsync(Project.Id, CancellationToken.None);
        line.WaitForAssertion(
            () => Assert.Equal($"{first!.Version}", line.Find("#status-line").GetAttribute("data-model")),
            TimeSpan.FromSeconds(10));
        await LabelARoundAsync(["Pear", "Apple", "Plum", "Pear", "Apple"]);
        var second = await runner.RunIfDueAsync(Project.Id, CancellationToken.None);
        line.WaitForAssertion(
            () => Assert.Equal($"{second!.Version}", line.Find("#status-line").GetAttribute("data-model")),
            TimeSpan.FromSeconds(10));

        var shown = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.StartsWith($"Model v{second!.Version} is ready", shown.Message);
    }

    /// <summary>The line as a reader sees it: the stylesheet puts a middle dot between the parts.</summary>
    private static string Sentence(IRenderedComponent<StatusLine> line) =>
        string.Join(" · ", line.FindAll("#status-line > span").Select(span => span.TextContent.Trim()));

    private async Task LabelARoundAsync(IEnumerable<string> classNames)
    {
        var queue = Services.GetRequiredService<QueueService>();
        var labeling = Services.GetRequiredService<LabelingService>();
        foreach (var name in classNames)
        {
            var lease = await queue.NextAsync(Project.Id, UserId, CancellationToken.None);
            var submission = new LabelSubmission(
                Project.Id, lease!.ItemId, UserId, ClassNamed(name).Id, 1, Comment: null, SuggestionShown: false);
            await labeling.SubmitAsync(submission, CancellationToken.None);
        }
    }
}
