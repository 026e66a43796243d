using Bunit;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Web.Features.Export;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Export;

public sealed class ExportJobListTests : ComponentTestBase
{
    [Theory]
    [InlineData(DataKind.Image, "Image folder · final labels")]
    [InlineData(DataKind.Audio, "Audio folder · final labels")]
    public async Task AMediaFolderExportIsListedInTheUsersWords(DataKind kind, string expected)
    {
        await AddJobAsync(new ExportOptions(ExportFormat.MediaFolder));

        var list = Render<ExportJobList>(p => p.Add(l => l.ProjectId, Project.Id).Add(l => l.DataKind, kind));

        Assert.Equal(expected, list.Find(".export-job strong").TextContent);
        Assert.DoesNotContain("MediaFolder", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableFormatsAreListedAsTheDialogNamesThem()
    {
        await AddJobAsync(new ExportOptions(ExportFormat.JsonLines));

        var list = Render<ExportJobList>(p => p.Add(l => l.ProjectId, Project.Id).Add(l => l.DataKind, DataKind.Table));

        Assert.Equal("JSON lines · final labels", list.Find(".export-job strong").TextContent);
    }

    private async Task AddJobAsync(ExportOptions options)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.ExportJobs.Add(new ExportJob
        {
            ProjectId = Project.Id,
            OptionsJson = options.ToJson(),
            Status = ExportStatus.Succeeded,
            Message = "3 rows",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
