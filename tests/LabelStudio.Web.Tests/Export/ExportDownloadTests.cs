using System.IO.Compression;
using System.Net;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Export;

/// <summary>An export job run by the app's own worker, downloaded by its link from the export page.</summary>
public sealed class ExportDownloadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private ExportJobService Exports => fixture.App.Services.GetRequiredService<ExportJobService>();

    [Fact]
    public async Task TheWorkerRunsAQueuedExportAndItsLinkDownloadsTheZip()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        var options = new ExportOptions(ExportFormat.Parquet);
        var queued = await Exports.StartAsync(1, options, null, CancellationToken.None);

        var job = await FinishedAsync(queued.Id);
        var response = await client.GetAsync($"/projects/1/exports/{job.Id}/download");

        Assert.Equal(ExportStatus.Succeeded, job.Status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(
            ["classes.json", "labels.parquet", "manifest.json"], archive.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public async Task AnExportIsNotFoundUnderAnotherProjectsAddress()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        var queued = await Exports.StartAsync(1, new ExportOptions(), null, CancellationToken.None);
        var job = await FinishedAsync(queued.Id);

        var response = await client.GetAsync($"/projects/2/exports/{job.Id}/download");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheExportPageIsLinkedFromTheProjectPage()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);

        var project = await client.GetStringAsync("/projects/1");
        var page = await client.GetAsync("/projects/1/export");

        Assert.Contains("href=\"/projects/1/export\"", project);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task<ExportJob> FinishedAsync(int jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var job = await Exports.GetAsync(jobId, CancellationToken.None);
            if (job?.Status is ExportStatus.Succeeded or ExportStatus.Failed)
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Export {jobId} did not finish within a minute.");
    }
}
