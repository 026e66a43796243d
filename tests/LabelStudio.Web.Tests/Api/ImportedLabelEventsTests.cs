using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LabelStudio.Core.ImportJobs;

namespace LabelStudio.Web.Tests.Api;

/// <summary>Labels that came with a file name the same annotator in the API's label events as in exports.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImportedLabelEventsTests(ApiFixture fixture)
{
    [Fact]
    public async Task ImportedLabelsAreListedUnderTheAnnotatorExportsName()
    {
        using var lead = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(lead);
        var (csv, _) = FruitTable.Make(4);
        await ApiImportTests.ImportAsync(lead, projectId, csv, "fruit.csv", "&idColumn=id&labelColumn=label");

        var page = await (await lead.GetAsync($"/api/v1/projects/{projectId}/labels?after=0&limit=10"))
            .JsonAsync(HttpStatusCode.OK);
        var exported = await ExportedAnnotatorsAsync(lead, projectId);

        var listed = page.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("annotator").GetString());
        Assert.Equal(Enumerable.Repeat(ImportedLabels.AnnotatorName, 4), listed);
        Assert.Equal(Enumerable.Repeat(ImportedLabels.AnnotatorName, 4), exported);
    }

    private static async Task<List<string?>> ExportedAnnotatorsAsync(HttpClient client, int projectId)
    {
        var started = await client.PostJsonAsync(
            $"/api/v1/projects/{projectId}/exports", new { format = "json-lines" });
        var job = await started.JsonAsync(HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (job.GetProperty("status").GetString() is "queued" or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            job = await (await client.GetAsync(started.Headers.Location)).JsonAsync(HttpStatusCode.OK);
        }
        using var package = await client.GetAsync(job.GetProperty("download").GetString());
        using var zip = new ZipArchive(await package.Content.ReadAsStreamAsync());
        using var lines = new StreamReader(zip.GetEntry("labels.jsonl")!.Open());
        return (await lines.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("annotator").GetString())
            .ToList();
    }
}
