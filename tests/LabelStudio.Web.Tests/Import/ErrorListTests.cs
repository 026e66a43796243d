using Bunit;
using LabelStudio.Core.Import;
using LabelStudio.Web.Features.Import;
using LabelStudio.Web.Tests.Rendering;

namespace LabelStudio.Web.Tests.Import;

public sealed class ErrorListTests : ComponentTestBase
{
    [Fact]
    public void SkippedFilesAreAWarningThatSaysTheRestWasImported()
    {
        var list = Render<ErrorList>(p => p.Add(e => e.Errors, Problems(5)).Add(e => e.Skipped, true));

        var alert = list.Find(".import-skipped");
        Assert.Contains("mud-alert-text-warning", alert.ClassName);
        Assert.Contains("5 files were skipped; everything else was imported", alert.TextContent);
        Assert.DoesNotContain("nothing was imported", list.Markup);
        Assert.Empty(list.FindAll(".import-errors"));
    }

    [Fact]
    public void ARefusedImportStillSaysNothingWasImported()
    {
        var list = Render<ErrorList>(p => p.Add(e => e.Errors, Problems(2)));

        Assert.Contains("2 problems — nothing was imported", list.Find(".import-errors").TextContent);
    }

    [Fact]
    public void ALongListShowsTheFirstTwentyCountsTheRestAndLinksTheFullReport()
    {
        var list = Render<ErrorList>(p => p
            .Add(e => e.Errors, Problems(5_000))
            .Add(e => e.Skipped, true)
            .Add(e => e.ReportHref, "/projects/1/imports/9/problems.csv"));

        Assert.Equal(ErrorList.MaxShown, list.FindAll(".error-list li").Count);
        Assert.Contains("and 4,980 more", list.Find(".error-more").TextContent);
        Assert.Equal("/projects/1/imports/9/problems.csv", list.Find("a.error-report").GetAttribute("href"));
    }

    private static List<ImportError> Problems(int count) =>
    [
        .. Enumerable.Range(1, count)
            .Select(i => new ImportError($"img/{i}.png", null, null, "The project already has an image of this path.")),
    ];
}
