using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiExportTests(ApiFixture fixture)
{
    [Fact]
    public async Task AReadTokenPullsAParquetExportWithPredictionsAsAPackage()
    {
        using var lead = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(lead);
        var (csv, _) = FruitTable.Make(8);
        await ApiImportTests.ImportAsync(lead, projectId, csv, "fruit.csv", "&idColumn=id&labelColumn=label");
        var scientist = await fixture.UserAsync(ApiFixture.DataScientist);
        await fixture.JoinAsync(projectId, scientist, ProjectRole.DataScientist);
        using var reader = fixture.ClientWith((await fixture.TokenAsync(scientist, ApiTokenScope.Read)).Secret);

        var started = await reader.PostJsonAsync(
            $"/api/v1/projects/{projectId}/exports", new { format = "parquet", includePredictions = true });
        var job = await WaitForExportAsync(reader, started);
        using var package = await reader.GetAsync(job.GetProperty("download").GetString());

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(8, job.GetProperty("rowCount").GetInt64());
        Assert.Equal("application/zip", package.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await package.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "labels.parquet" && e.Length > 0);
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.Contains("includePredictions", manifest.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData(2)]
    [InlineData("1")]
    public async Task AnUnknownFormatIsRefusedNamingTheFormatField(object format)
    {
        using var client = await fixture.ClientAsync(ApiFixture.DataScientist);

        var response = await client.PostJsonAsync("/api/v1/projects/1/exports", new { format });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("format"));
    }

    [Fact]
    public async Task AnExportOfAnotherProjectIsNotFound()
    {
        using var client = await fixture.ClientAsync(ApiFixture.DataScientist);
        var started = await (await client.PostAsync("/api/v1/projects/1/exports", null))
            .JsonAsync(HttpStatusCode.Accepted);

        var response = await client.GetAsync($"/api/v1/projects/4040/exports/{started.GetProperty("id").GetInt32()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> WaitForExportAsync(HttpClient client, HttpResponseMessage started)
    {
        var job = await started.JsonAsync(HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (job.GetProperty("status").GetString() is "queued" or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            job = await (await client.GetAsync(started.Headers.Location)).JsonAsync(HttpStatusCode.OK);
        }
        return job;
    }
}
