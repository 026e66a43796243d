using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Parquet;

namespace LabelStudio.Web.Tests.Api;

/// <summary>
/// The walkthrough in docs/api.md, call for call: a custom client labels through the API alone, a
/// Parquet export with predictions is pulled, and a Label Studio export moves the labels into a new
/// project. If a step of the recipe stops working, this fails.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DataScientistWalkthroughTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheShellRecipeLabelsPullsParquetWithPredictionsAndMovesTheLabelsThroughLabelStudio()
    {
        using var api = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(api, roundSize: 10);
        var (csv, truth) = FruitTable.Make(30);
        await ApiImportTests.ImportAsync(
            api, projectId, csv, "fruit.csv", "&idColumn=id&labelColumn=label&labelMode=hidden");

        var labeled = await LabelWithARuleAsync(
            api, projectId, 20, fields => truth[fields.GetProperty("id").GetString()!]);
        await WaitUntilAsync(async () => (await GetJsonAsync(api, $"/api/v1/projects/{projectId}/models"))
            .GetArrayLength() > 0);
        var parquet = await ExportAsync(api, projectId, """{"format": "parquet", "includePredictions": true}""");
        var tasks = await ExportAsync(api, projectId, """{"format": "label-studio"}""");
        var copy = await CreateProjectAsync(api);
        using var body = new ByteArrayContent(tasks.Entry("tasks.json"));
        var import = await (await api.PostAsync($"/api/v1/projects/{copy}/imports?fileName=tasks.json", body))
            .JsonAsync(HttpStatusCode.Accepted);
        var importPath = $"/api/v1/projects/{copy}/imports/{import.GetProperty("id").GetInt32()}";
        await WaitUntilAsync(async () =>
            (await GetJsonAsync(api, importPath)).GetProperty("status").GetString() is not ("queued" or "running"));
        var copied = await GetJsonAsync(api, $"/api/v1/projects/{copy}");

        Assert.Equal(20, labeled);
        var manifest = JsonDocument.Parse(parquet.Entry("manifest.json")).RootElement;
        Assert.True(manifest.GetProperty("modelVersion").GetInt32() >= 1);
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(parquet.Entry("labels.parquet")));
        using var group = reader.OpenRowGroupReader(0);
        var predicted = new string?[20];
        await group.ReadAsync(
            reader.Schema.DataFields.Single(f => f.Name == "predicted_label"), predicted.AsMemory(), null);
        Assert.Equal(20, group.RowCount);
        Assert.All(predicted, p => Assert.Contains(p, new[] { "apple", "pear" }));
        Assert.Contains(reader.Schema.DataFields, f => f.Name == "prob_apple");
        Assert.Equal(
            (20, 20),
            (copied.GetProperty("itemCount").GetInt32(), copied.GetProperty("labeledCount").GetInt32()));
    }

    /// <summary>The custom client: next item, decide, post the label, <paramref name="count"/> times.</summary>
    private static async Task<int> LabelWithARuleAsync(
        HttpClient api, int projectId, int count, Func<JsonElement, string> decide)
    {
        var done = 0;
        for (; done < count; done++)
        {
            using var next = await api.PostAsync($"/api/v1/projects/{projectId}/next", null);
            if (next.StatusCode == HttpStatusCode.NoContent)
            {
                break;
            }
            var item = await next.JsonAsync(HttpStatusCode.OK);
            var decision = new
            {
                itemId = item.GetProperty("itemId").GetInt64(),
                leaseId = item.GetProperty("leaseId").GetInt64(),
                @class = decide(item.GetProperty("fields")),
            };
            await (await api.PostJsonAsync($"/api/v1/projects/{projectId}/labels", decision))
                .JsonAsync(HttpStatusCode.Created);
        }
        return done;
    }

    private static async Task<Package> ExportAsync(HttpClient api, int projectId, string options)
    {
        using var content = new StringContent(options, Encoding.UTF8, "application/json");
        var job = await (await api.PostAsync($"/api/v1/projects/{projectId}/exports", content))
            .JsonAsync(HttpStatusCode.Accepted);
        var path = $"/api/v1/projects/{projectId}/exports/{job.GetProperty("id").GetInt32()}";
        string? download = null;
        await WaitUntilAsync(async () =>
        {
            download = (await GetJsonAsync(api, path)).GetProperty("download").GetString();
            return download is not null;
        });
        return new Package(await api.GetByteArrayAsync(download));
    }

    private static async Task<int> CreateProjectAsync(HttpClient api)
    {
        var created = await (await api.PostJsonAsync("/api/v1/projects", new
        {
            name = $"Fruit from Label Studio {Guid.NewGuid():N}",
            classes = new[] { "apple", "pear" },
        })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient api, string path) =>
        await (await api.GetAsync(path)).JsonAsync(HttpStatusCode.OK);

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the server.");
            await Task.Delay(200);
        }
    }

    private sealed class Package(byte[] zip)
    {
        public byte[] Entry(string name)
        {
            using var archive = new ZipArchive(new MemoryStream(zip));
            using var stream = archive.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
