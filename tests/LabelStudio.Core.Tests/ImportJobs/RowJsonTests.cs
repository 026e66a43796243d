using System.Text.Json;
using LabelStudio.Core.ImportJobs;

namespace LabelStudio.Core.Tests.ImportJobs;

public sealed class RowJsonTests
{
    [Fact]
    public void WritesTheSameTextAsASerializedDictionary()
    {
        string[] columns = ["name", "note \"quoted\"", "café", "empty"];
        string?[][] rows =
        [
            ["Zoë", "a \"b\" <c> & d\\e", "line\nbreak", null],
            ["", "  spaced  ", "€ 12,5", "\u0001"],
        ];
        var json = new RowJson(columns);

        foreach (var row in rows)
        {
            var expected = JsonSerializer.Serialize(
                columns.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second));

            Assert.Equal(expected, json.Write(row));
        }
    }
}
