using System.Net;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Import;

public sealed class ImportReportEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheProblemsDownloadHoldsEveryProblemOfTheJobAsCsv()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        var jobId = await AddFailedJobAsync(
            [.. Enumerable.Range(1, 30).Select(i => new ImportError("big.csv", i, "x", $"bad \"value\" {i}"))]);

        var response = await client.GetAsync($"/projects/1/imports/{jobId}/problems.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(31, lines.Length);
        Assert.Equal("\"big.csv\",30,\"x\",\"bad \"\"value\"\" 30\"", lines[^1]);
    }

    [Fact]
    public async Task AJobOfAnotherProjectIsNotFound()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        var jobId = await AddFailedJobAsync([new ImportError("a.csv", 1, null, "bad")]);

        var response = await client.GetAsync($"/projects/999/imports/{jobId}/problems.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int> AddFailedJobAsync(IReadOnlyList<ImportError> errors)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        var job = new ImportJob
        {
            ProjectId = 1,
            FileName = "big.csv",
            StoredPath = "",
            Status = JobStatus.Failed,
            ErrorsJson = JsonSerializer.Serialize(errors),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }
}
