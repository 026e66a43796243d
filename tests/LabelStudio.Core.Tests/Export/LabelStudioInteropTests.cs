using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Export;

/// <summary>A Label Studio export goes in as items and labels and comes back out in the same shape.</summary>
public sealed class LabelStudioInteropTests : IAsyncLifetime
{
    private static readonly TableImportPlan Plan = new(
        ["text", "stars"], IdColumn: "id", LabelColumn: "label", LabelMode: LabelMode.ImportAsLabels);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TasksGoInAndComeOutWithTheSameIdsDataAndChoices()
    {
        var tasks = SampleTasks();
        var project = await _database.CreateProjectAsync("Reviews", ["positive", "negative"]);

        var imported = await ImportAsync(project.Id, tasks.ToJsonString());
        var package = await _database.ExportAsync(project.Id, new ExportOptions(ExportFormat.LabelStudio));

        Assert.Equal(JobStatus.Succeeded, imported.Status);
        Assert.Equal("tasks.json", package.Manifest.DataFile);
        var exported = JsonNode.Parse(package.Data)!.AsArray();
        Assert.Equal(Summary(tasks), Summary(exported));
        Assert.All(exported, t => Assert.False(t!["annotations"]![0]!["was_cancelled"]!.GetValue<bool>()));
        Assert.Equal(["negative", "positive"], package.Manifest.Classes.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task TheLatestAnnotationThatWasNotCancelledGivesTheLabel()
    {
        var tasks = JsonNode.Parse("""
            [{"id": 7, "data": {"text": "meh", "stars": 3}, "annotations": [
              {"result": [{"type": "choices", "value": {"choices": ["negative"]}}]},
              {"result": [{"type": "choices", "value": {"choices": ["positive"]}}]},
              {"was_cancelled": true, "result": []}]},
             {"id": 8, "data": {"text": "not yet labeled", "stars": 4}}]
            """)!;
        var project = await _database.CreateProjectAsync("Latest", ["negative", "positive"]);

        await ImportAsync(project.Id, tasks.ToJsonString());
        var package = await _database.ExportAsync(project.Id, new ExportOptions(ExportFormat.JsonLines));

        var row = JsonDocument.Parse(package.DataText).RootElement;
        Assert.Equal(("7", "positive"), (row.GetProperty("id").GetString(), row.GetProperty("label").GetString()));
        Assert.Equal(1, package.Manifest.Counts.Rows);
    }

    [Fact]
    public async Task MultipleChoicesAreRefusedNamingTheTaskAndItsLine()
    {
        var json = """
            [
            {"id": 1, "data": {"text": "ok"}},
            {"id": 2, "data": {"text": "both"},
             "annotations": [{"result": [{"type": "choices", "value": {"choices": ["a", "b"]}}]}]}
            ]
            """;
        var project = await _database.CreateProjectAsync("Multi", ["a", "b"]);

        var job = await ImportAsync(project.Id, json);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(
            "tasks.json, line 3, column 'annotations': task 2 (id 2): its latest annotation chooses 2 classes "
            + "('a', 'b'); only single-choice classification can be imported",
            job.Message);
    }

    [Fact]
    public async Task AFileThatIsNotAnArrayOfTasksIsRefusedWithItsLine()
    {
        var project = await _database.CreateProjectAsync("Broken", ["a", "b"]);

        var job = await ImportAsync(project.Id, "[\n{\"id\": 1, \"data\": {\"text\": \"ok\"}},\n{\"id\": 2}\n]");

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("tasks.json, line 3, column 'data': task 2 (id 2) has no 'data' object", job.Message);
    }

    private Task<ImportJob> ImportAsync(int projectId, string json) =>
        _database.ImportAsync(
            projectId, "tasks.json", Encoding.UTF8.GetBytes(json), new ImportRequest(Plan, AddMissingClasses: true));

    /// <summary>Id, data and chosen class of each task: what must survive the trip.</summary>
    private static List<string> Summary(JsonArray tasks) => tasks
        .Select(t => string.Join(" | ",
            t!["id"]!.ToJsonString(),
            t["data"]!.ToJsonString(),
            t["annotations"]![0]!["result"]![0]!["value"]!["choices"]!.ToJsonString()))
        .ToList();

    private static JsonArray SampleTasks()
    {
        string[] texts =
        [
            "Great value, would buy again",
            "She said \"never again\"",
            "two\nlines of review",
            "Zürich délivery was naïve 🙃",
            "=SUM(A1) is not a formula here",
            "",
        ];
        var tasks = new JsonArray();
        for (var i = 0; i < texts.Length; i++)
        {
            var choice = i % 2 == 0 ? "positive" : "negative";
            tasks.Add(new JsonObject
            {
                ["id"] = 100 + i,
                ["data"] = new JsonObject { ["text"] = texts[i] == "" ? null : texts[i], ["stars"] = 1.5 * i },
                ["annotations"] = new JsonArray(new JsonObject
                {
                    ["id"] = i + 1,
                    ["result"] = new JsonArray(new JsonObject
                    {
                        ["from_name"] = "sentiment",
                        ["to_name"] = "text",
                        ["type"] = "choices",
                        ["value"] = new JsonObject { ["choices"] = new JsonArray(choice) },
                    }),
                }),
            });
        }
        return tasks;
    }
}
