using System.Net;
using System.Text.Json;

namespace LabelStudio.Web.Tests.Api;

/// <summary>A script that knows only HTTP: it creates a project, imports, labels every item and exports.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomClientTests(ApiFixture fixture)
{
    [Fact]
    public async Task AClientLabelsAWholeProjectThroughTheApiAloneAndAModelTrains()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(client, roundSize: 10);
        var (csv, truth) = FruitTable.Make(30);
        var job = await ApiImportTests.ImportAsync(
            client, projectId, csv, "fruit.csv", "&idColumn=id&labelColumn=label&labelMode=hidden");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());

        var labeled = 0;
        while (true)
        {
            using var next = await client.PostAsync($"/api/v1/projects/{projectId}/next", null);
            if (next.StatusCode == HttpStatusCode.NoContent)
            {
                break;
            }
            var item = await next.JsonAsync(HttpStatusCode.OK);
            var decision = new
            {
                itemId = item.GetProperty("itemId").GetInt64(),
                leaseId = item.GetProperty("leaseId").GetInt64(),
                @class = truth[item.GetProperty("externalId").GetString()!],
                secondsSpent = 1.0,
            };
            await (await client.PostJsonAsync($"/api/v1/projects/{projectId}/labels", decision))
                .JsonAsync(HttpStatusCode.Created);
            labeled++;
        }
        var export = await client.GetStringAsync($"/api/v1/projects/{projectId}/export.csv");
        var models = await WaitForModelAsync(client, projectId);

        Assert.Equal(30, labeled);
        var rows = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(30, rows.Count);
        Assert.All(truth, pair => Assert.Contains(rows, r => r.StartsWith(pair.Key + ",") && r.Contains(pair.Value)));
        Assert.True(models[0].GetProperty("version").GetInt32() >= 1);
        Assert.True(models[0].GetProperty("labelCount").GetInt32() >= 10);
    }

    /// <summary>Rounds of 10 labels make the worker train with real ML.NET; the client only polls.</summary>
    private static async Task<JsonElement[]> WaitForModelAsync(HttpClient client, int projectId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var models = await (await client.GetAsync($"/api/v1/projects/{projectId}/models"))
                .JsonAsync(HttpStatusCode.OK);
            if (models.GetArrayLength() > 0 || DateTime.UtcNow > deadline)
            {
                return [.. models.EnumerateArray()];
            }
            await Task.Delay(200);
        }
    }
}
