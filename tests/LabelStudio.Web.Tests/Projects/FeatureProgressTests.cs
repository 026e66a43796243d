using Bunit;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Projects;
using LabelStudio.Web.Tests.Rendering;

namespace LabelStudio.Web.Tests.Projects;

public sealed class FeatureProgressTests : ComponentTestBase
{
    [Fact]
    public void WaitingForAnEmbedderThatCannotLoadIsShownWithItsReason()
    {
        var status = new FeatureStatus(6, 4, "resnet18 (64 px)", "resnet18 (64 px) could not load on this server.");

        var progress = Render<FeatureProgress>(p => p.Add(s => s.Status, status));

        Assert.Contains("could not load", progress.Find("#embedder-waiting").TextContent);
        Assert.Contains("4 of 6", progress.Find("#feature-progress").TextContent);
        Assert.Empty(progress.FindAll("#embedder-fallback"));
    }

    [Fact]
    public void ProjectWhoseEmbedderIsInUseShowsNoWarning()
    {
        var status = new FeatureStatus(6, 6, "resnet18 (64 px)");

        var progress = Render<FeatureProgress>(p => p.Add(s => s.Status, status));

        Assert.Empty(progress.FindAll("#embedder-waiting"));
        Assert.Contains("ready for 6 images", progress.Find("#feature-progress").TextContent);
    }
}
