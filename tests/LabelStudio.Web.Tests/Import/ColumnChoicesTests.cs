using Bunit;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Ml.Tabular;
using LabelStudio.Web.Features.Import;
using LabelStudio.Web.Tests.Rendering;

namespace LabelStudio.Web.Tests.Import;

public sealed class ColumnChoicesTests : ComponentTestBase
{
    [Fact]
    public void AColumnNamedLabelIsSuggestedVisiblyButNotChosen()
    {
        var columns = Choices("f1", "f2", "label");

        var page = Render<ColumnChoices>(p => p.Add(c => c.Preview, Preview(columns)).Add(c => c.Columns, columns));

        Assert.Contains("label", page.Find("#label-hint strong").TextContent);
        Assert.All(columns, c => Assert.NotEqual(ColumnRole.Label, c.Role));
    }

    [Fact]
    public void UsingTheSuggestionMakesItTheLabelColumnAndTheHintGoes()
    {
        var columns = Choices("f1", "Target");
        var page = Render<ColumnChoices>(p => p.Add(c => c.Preview, Preview(columns)).Add(c => c.Columns, columns));

        page.Find("#use-label-hint").Click();

        Assert.Equal(ColumnRole.Label, columns[1].Role);
        Assert.Empty(page.FindAll("#label-hint"));
    }

    [Theory]
    [InlineData("species")]
    [InlineData("classroom")]
    [InlineData("labeled_at")]
    public void OtherNamesGetNoHint(string name)
    {
        var columns = Choices("f1", name);

        var page = Render<ColumnChoices>(p => p.Add(c => c.Preview, Preview(columns)).Add(c => c.Columns, columns));

        Assert.Empty(page.FindAll("#label-hint"));
    }

    [Fact]
    public void LabelStudioTasksStartWithTheirIdAndLabelColumnsChosen()
    {
        var profiles = Choices("id", "text", "label").Select(c => c.Profile).ToList();
        var preview = new ImportPreview("tasks.json", "Label Studio tasks, utf-8", 13, profiles, [], [],
            new ColumnProposal("id", "label", "Label Studio exports put the task id and answer there"));

        var columns = ImportChoices.From(preview);
        var page = Render<ColumnChoices>(p => p.Add(c => c.Preview, preview).Add(c => c.Columns, columns));

        Assert.Equal([ColumnRole.Id, ColumnRole.Feature, ColumnRole.Label], columns.Select(c => c.Role));
        Assert.Equal(LabelMode.ImportAsLabels, ImportChoices.ToPlan(columns, LabelMode.ImportAsLabels).LabelMode);
        Assert.Equal("label", ImportChoices.ToPlan(columns, LabelMode.ImportAsLabels).LabelColumn);
        Assert.Empty(page.FindAll("#label-hint"));
        Assert.Contains("because Label Studio exports", page.Find("#label-proposal").TextContent);
    }

    [Fact]
    public void AProposedLabelColumnLeavesTheIdGuessAlone()
    {
        var profiles = Choices("row_id", "f1", "Verdict").Select(c => c.Profile).ToList();
        var preview = new ImportPreview("x.csv", "Csv", 10, profiles, [], [], new ColumnProposal(null, "Verdict"));

        var columns = ImportChoices.From(preview);

        Assert.Equal([ColumnRole.Id, ColumnRole.Feature, ColumnRole.Label], columns.Select(c => c.Role));
    }

    private static List<ColumnChoice> Choices(params string[] names) =>
        [.. names.Select(n => new ColumnChoice(new ColumnProfile(n, ColumnKind.Category, 3, 0, ["a", "b"])))];

    private static ImportPreview Preview(List<ColumnChoice> columns) =>
        new("x.csv", "Csv", 10, [.. columns.Select(c => c.Profile)], [], []);
}
