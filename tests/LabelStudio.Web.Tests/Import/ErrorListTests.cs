using Bunit;
using LabelStudio.Core.Import;
using LabelStudio.Web.Features.Import;
using MudBlazor.Services;

namespace LabelStudio.Web.Tests.Import;

/// <summary>The import report says whether its files stopped the import or were only skipped.</summary>
public sealed class ErrorListTests : BunitContext
{
    private static readonly ImportError[] Bad =
    [
        new("en/empty.wav", null, null, "The file is empty (0 bytes)."),
        new("fr/notes.mp3", null, null, "Not an audio file."),
    ];

    public ErrorListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void SkippedFilesAreNotReportedAsAFailedImport()
    {
        var list = Render<ErrorList>(p => p.Add(x => x.Errors, Bad).Add(x => x.Skipped, true));

        Assert.Contains("2 files were skipped:", list.Markup);
        Assert.DoesNotContain("nothing was imported", list.Markup);
        Assert.Contains("en/empty.wav: The file is empty (0 bytes).", list.Markup);
    }

    [Fact]
    public void RefusedImportSaysNothingWasImported()
    {
        var list = Render<ErrorList>(p => p.Add(x => x.Errors, Bad));

        Assert.Contains("2 problems — nothing was imported:", list.Markup);
    }
}
