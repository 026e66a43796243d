using System.Net;
using System.Text;
using System.Text.Json;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiImportTests(ApiFixture fixture)
{
    [Fact]
    public async Task AnUploadedCsvIsImportedByTheWorkerWhileTheClientPollsItsJob()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await CreateFruitProjectAsync(client);
        var (csv, _) = FruitTable.Make(12);

        var job = await ImportAsync(client, projectId, csv, "fruit.csv", "&idColumn=id&labelColumn=label");
        var project = await (await client.GetAsync($"/api/v1/projects/{projectId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(12, job.GetProperty("importedCount").GetInt32());
        Assert.Equal(12, project.GetProperty("itemCount").GetInt32());
        Assert.Equal(12, project.GetProperty("labeledCount").GetInt32());
    }

    [Fact]
    public async Task ALabelStudioExportImportsItsChoicesAsLabelsWithoutNamingColumns()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await CreateFruitProjectAsync(client);
        const string tasks = """
            [{"id": 7, "data": {"weight": 150, "colour": "red"},
              "annotations": [{"result": [{"type": "choices", "value": {"choices": ["apple"]}}]}]},
             {"id": 8, "data": {"weight": 180, "colour": "green"},
              "annotations": [{"result": [{"type": "choices", "value": {"choices": ["pear"]}}]}]},
             {"id": 9, "data": {"weight": 170, "colour": "green"}, "annotations": []}]
            """;

        var job = await ImportAsync(client, projectId, tasks, "tasks.json", "");
        var project = await (await client.GetAsync($"/api/v1/projects/{projectId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(
            (3, 2), (project.GetProperty("itemCount").GetInt32(), project.GetProperty("labeledCount").GetInt32()));
    }

    [Fact]
    public async Task ALabelStudioExportWhoseDataHasAnIdKeyStillImportsByTaskIdAndChoice()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await CreateFruitProjectAsync(client);
        const string tasks = """
            [{"id": 1, "data": {"Id": "f1", "weight": 150, "Label": "x"},
              "annotations": [{"result": [{"type": "choices", "value": {"choices": ["apple"]}}]}]},
             {"id": 2, "data": {"Id": "f2", "weight": 180, "Label": "y"},
              "annotations": [{"result": [{"type": "choices", "value": {"choices": ["pear"]}}]}]}]
            """;

        var job = await ImportAsync(client, projectId, tasks, "tasks.json", "");
        var project = await (await client.GetAsync($"/api/v1/projects/{projectId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(2, project.GetProperty("labeledCount").GetInt32());
    }

    [Fact]
    public async Task AFileWithAnUnknownClassFailsWithTheLineAndColumnAndImportsNothing()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await CreateFruitProjectAsync(client);
        var csv = "id,weight,label\na,150,apple\nb,120,banana\n";

        var job = await ImportAsync(client, projectId, csv, "bad.csv", "&idColumn=id&labelColumn=label");
        var project = await (await client.GetAsync($"/api/v1/projects/{projectId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt64());
        Assert.Equal("label", error.GetProperty("column").GetString());
        Assert.Contains("banana", error.GetProperty("message").GetString());
        Assert.Equal(0, project.GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task AnImportWithoutAFileNameOrWithAnUnknownModeIsRefusedNamingBothFields()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        using var body = new StringContent("id\n1\n");

        var response = await client.PostAsync("/api/v1/projects/1/imports?labelMode=secret", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("fileName"));
        Assert.NotEmpty(problem.FieldErrors("labelMode"));
    }

    [Fact]
    public async Task AFileOverTheUploadLimitIsRefused()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        using var body = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', 1_100_000)));

        var response = await client.PostAsync("/api/v1/projects/1/imports?fileName=big.csv", body);

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1 MB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAnnotatorMayNotImport()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);
        using var body = new StringContent("id\n1\n");

        var response = await client.PostAsync("/api/v1/projects/1/imports?fileName=a.csv", body);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    public static async Task<int> CreateFruitProjectAsync(HttpClient client, int roundSize = 20)
    {
        var created = await (await client.PostJsonAsync("/api/v1/projects", new
        {
            name = $"Fruit {Guid.NewGuid():N}",
            classes = new[] { "apple", "pear" },
            roundSize,
        })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    /// <summary>Uploads a file and polls its job until the worker has finished with it.</summary>
    public static async Task<JsonElement> ImportAsync(
        HttpClient client, int projectId, string content, string fileName, string query)
    {
        using var body = new StringContent(content, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync(
            $"/api/v1/projects/{projectId}/imports?fileName={fileName}{query}", body);
        var job = await response.JsonAsync(HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (job.GetProperty("status").GetString() is "queued" or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            job = await (await client.GetAsync(response.Headers.Location)).JsonAsync(HttpStatusCode.OK);
        }
        return job;
    }
}
