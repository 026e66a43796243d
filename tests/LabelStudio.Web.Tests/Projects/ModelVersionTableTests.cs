using Bunit;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Projects;
using LabelStudio.Web.Tests.Rendering;

namespace LabelStudio.Web.Tests.Projects;

public sealed class ModelVersionTableTests : ComponentTestBase
{
    [Fact]
    public void AProjectWithHiddenTruthShowsEachVersionsAccuracyOnIt()
    {
        ModelVersion[] models =
        [
            new()
            {
                Version = 2, LabelCount = 40, EstimatedAccuracy = 0.71, TruthAccuracy = 0.7345, TruthItemCount = 2_960,
            },
            new() { Version = 1, LabelCount = 20, EstimatedAccuracy = 0.60 },
        ];

        var table = Render<ModelVersionTable>(p => p.Add(t => t.Models, models).Add(t => t.ShowTruth, true));

        Assert.Contains("On hidden truth", table.Find("#model-versions thead").TextContent);
        var cells = table.FindAll("td.truth-accuracy");
        Assert.Equal(["0.735", "–"], cells.Select(c => c.TextContent.Trim()));
        Assert.Equal("on 2,960 unlabeled items", cells[0].GetAttribute("title"));
    }

    [Fact]
    public void AnAnnotatorIsNotShownTheHiddenTruthsScore()
    {
        ModelVersion[] models = [new() { Version = 1, LabelCount = 20, TruthAccuracy = 0.8, TruthItemCount = 100 }];

        var table = Render<ModelVersionTable>(p => p.Add(t => t.Models, models).Add(t => t.ShowTruth, false));

        Assert.DoesNotContain("hidden truth", table.Find("#model-versions").TextContent);
        Assert.Empty(table.FindAll("td.truth-accuracy"));
    }

    [Fact]
    public void AProjectWithoutHiddenTruthHasNoSuchColumn()
    {
        ModelVersion[] models = [new() { Version = 1, LabelCount = 20 }];

        var table = Render<ModelVersionTable>(p => p.Add(t => t.Models, models).Add(t => t.ShowTruth, true));

        Assert.DoesNotContain("hidden truth", table.Find("#model-versions").TextContent);
        Assert.Empty(table.FindAll("td.truth-accuracy"));
    }
}
