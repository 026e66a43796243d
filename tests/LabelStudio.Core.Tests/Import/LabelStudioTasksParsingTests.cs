using LabelStudio.Core.Import;

namespace LabelStudio.Core.Tests.Import;

/// <summary>Label Studio task files in every shape Label Studio writes, and broken ones told in plain words.</summary>
public sealed class LabelStudioTasksParsingTests
{
    private const string TaskOne = """{"id": 7, "data": {"text": "good"}, "annotations": [{"result": [""" +
        """{"type": "choices", "value": {"choices": ["pos"]}}]}]}""";

    [Fact]
    public async Task BrokenJsonNamesTheFileLineAndColumnWithoutReaderInternals()
    {
        var text = "[\n  {\"id\": 1, \"data\": {\"text\": \"a\"}},\n  {\"id\": 2, \"data\" {\"text\": \"b\"}}\n]";

        var failure = await TestFiles.FailAsync(text, "tasks.json");

        var error = Assert.Single(failure.Errors);
        Assert.Equal(3L, error.Line);
        Assert.StartsWith("tasks.json, line 3: the JSON is broken at column 20", error.ToString());
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.DoesNotContain("BytePositionInLine", error.Message);
    }

    [Fact]
    public async Task ASingleTaskObjectIsOneTask()
    {
        var table = await TestFiles.ParseAsync(TaskOne, "task.json");

        Assert.Equal(TableFileFormat.LabelStudioJson, table.Format.Format);
        Assert.Equal(["id", "text", "label"], table.Columns);
        Assert.Equal<string?[]>([["7", "good", "pos"]], table.Rows.Select(r => r.Values));
    }

    [Fact]
    public async Task TasksOnePerLineAreTasks()
    {
        var text = TaskOne + "\n" + """{"id": 8, "data": {"text": "bad"}}""" + "\n";

        var table = await TestFiles.ParseAsync(text, "tasks.jsonl");

        Assert.Equal(["id", "text", "label"], table.Columns);
        Assert.Equal<string?[]>([["7", "good", "pos"], ["8", "bad", null]], table.Rows.Select(r => r.Values));
    }

    [Fact]
    public async Task PlainJsonLinesStayJsonLines()
    {
        var text = "{\"id\": 1, \"data\": \"x\"}\n{\"id\": 2, \"data\": \"y\"}\n";

        var table = await TestFiles.ParseAsync(text, "rows.json");

        Assert.Equal(TableFileFormat.JsonLines, table.Format.Format);
        Assert.Equal(["id", "data"], table.Columns);
    }
}
