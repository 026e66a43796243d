using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Ml.Tabular;
using Parquet;
using Parquet.Schema;
using FieldRepetitionType = Parquet.Meta.FieldRepetitionType;
using PhysicalType = Parquet.Meta.Type;

namespace LabelStudio.Core.Tests.Export;

/// <summary>
/// Source columns leave Parquet, JSON lines and Label Studio JSON typed by the kind the import gave them, with missing
/// values and missing markers as null; CSV keeps the text as imported.
/// </summary>
public sealed class SourceColumnTypeTests : IAsyncLifetime
{
    private const string Birds =
        "Id,Length,Ringed,Seen,Colony,Note\n" +
        "b1,36.7,yes,2024-03-01,North,first\n" +
        "b2,NA,no,2024-03-02T10:30:00Z,NA,NA\n" +
        "b3,,,,,third\n" +
        "b4,-1.5e2,1,null,South,n/a\n";

    private static readonly TableImportPlan BirdsPlan = new(
        ["Length", "Ringed", "Seen", "Colony", "Note"],
        IdColumn: "Id",
        ColumnKinds: new Dictionary<string, ColumnKind>
        {
            ["Length"] = ColumnKind.Number,
            ["Ringed"] = ColumnKind.Boolean,
            ["Seen"] = ColumnKind.Date,
            ["Colony"] = ColumnKind.Category,
            ["Note"] = ColumnKind.Text,
        });

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Birds", ["Tern", "Gull"]);
        var job = await _database.ImportCsvAsync(_project.Id, Birds, BirdsPlan);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var tern = (await _database.ClassIdsAsync(_project.Id))[0];
        var alice = new Annotator(_database, _project.Id, "alice");
        while (await alice.NextAsync() is { } lease)
        {
            await alice.LabelAsync(lease.ItemId, tern);
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task JsonLinesWritesNumbersAndBooleansAsJsonValuesAndMissingOnesAsNull()
    {
        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.JsonLines));

        var rows = package.DataText.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("Id").GetString()!);
        Assert.Equal(36.7, rows["b1"].GetProperty("Length").GetDouble());
        Assert.Equal(-150, rows["b4"].GetProperty("Length").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows["b2"].GetProperty("Length").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows["b3"].GetProperty("Length").ValueKind);
        Assert.Equal(
            [JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null, JsonValueKind.True],
            Column(rows, "Ringed").Select(v => v.ValueKind));
        Assert.Equal(["2024-03-01", "2024-03-02T10:30:00Z", null, null], Column(rows, "Seen").Select(Text));
        Assert.Equal(["North", "NA", null, "South"], Column(rows, "Colony").Select(Text));
        Assert.Equal(["first", "NA", "third", "n/a"], Column(rows, "Note").Select(Text));
    }

    [Fact]
    public async Task LabelStudioDataTypesValuesAsJsonLinesDoesWithMissingOnesAsNull()
    {
        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.LabelStudio));

        var tasks = JsonDocument.Parse(package.DataText).RootElement.EnumerateArray()
            .Select(t => t.GetProperty("data"))
            .ToDictionary(d => d.GetProperty("Id").GetString()!);
        Assert.Equal(36.7, tasks["b1"].GetProperty("Length").GetDouble());
        Assert.Equal(-150, tasks["b4"].GetProperty("Length").GetDouble());
        Assert.Equal(JsonValueKind.Null, tasks["b2"].GetProperty("Length").ValueKind);
        Assert.Equal(JsonValueKind.Null, tasks["b3"].GetProperty("Length").ValueKind);
        Assert.Equal(
            [JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null, JsonValueKind.True],
            Column(tasks, "Ringed").Select(v => v.ValueKind));
        Assert.Equal(["2024-03-01", "2024-03-02T10:30:00Z", null, null], Column(tasks, "Seen").Select(Text));
        Assert.Equal(["North", "NA", null, "South"], Column(tasks, "Colony").Select(Text));
        Assert.Equal(["first", "NA", "third", "n/a"], Column(tasks, "Note").Select(Text));
    }

    [Fact]
    public async Task ParquetTypesNumberBooleanAndDateColumnsWithMissingValuesAsNull()
    {
        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.Parquet));

        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(package.Data));
        var physical = reader.Metadata!.Schema.Skip(1).ToDictionary(e => e.Name, e => e);
        Assert.Equal(PhysicalType.DOUBLE, physical["Length"].Type);
        Assert.Equal(PhysicalType.BOOLEAN, physical["Ringed"].Type);
        Assert.Equal(PhysicalType.INT64, physical["Seen"].Type);
        Assert.True(physical["Seen"].LogicalType!.TIMESTAMP!.IsAdjustedToUTC);
        Assert.All(
            ["Length", "Ringed", "Seen"], c => Assert.Equal(FieldRepetitionType.OPTIONAL, physical[c].RepetitionType));
        Assert.All(["Colony", "Note"], c => Assert.NotNull(physical[c].LogicalType!.STRING));

        using var group = reader.OpenRowGroupReader(0);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
        var ids = new string?[4];
        await group.ReadAsync(fields["Id"], ids.AsMemory(), null);
        var lengths = new double?[4];
        await group.ReadAsync(fields["Length"], lengths.AsMemory(), null);
        var ringed = new bool?[4];
        await group.ReadAsync(fields["Ringed"], ringed.AsMemory(), null);
        var seen = new DateTime?[4];
        await group.ReadAsync(fields["Seen"], seen.AsMemory(), null);
        var colonies = new string?[4];
        await group.ReadAsync(fields["Colony"], colonies.AsMemory(), null);
        Assert.Equal(["b1", "b2", "b3", "b4"], ids.AsEnumerable());
        Assert.Equal([36.7, null, null, -150], lengths);
        Assert.Equal([true, false, null, true], ringed);
        Assert.Equal(
            [
                new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc),
                new DateTime(2024, 3, 2, 10, 30, 0, DateTimeKind.Utc),
                null,
                null,
            ],
            seen);
        Assert.Equal(["North", "NA", null, "South"], colonies.AsEnumerable());
    }

    [Fact]
    public async Task CsvKeepsTypedCellsAsImported()
    {
        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.Csv));

        var table = await TableFileParser.ParseAsync(new MemoryStream(package.Data), "labels.csv");
        Assert.Equal(["36.7", "NA", null, "-1.5e2"], table.Rows.Select(r => r.Values[table.IndexOf("Length")]));
        Assert.Equal(["yes", "no", null, "1"], table.Rows.Select(r => r.Values[table.IndexOf("Ringed")]));
        Assert.Equal(
            ["2024-03-01", "2024-03-02T10:30:00Z", null, "null"],
            table.Rows.Select(r => r.Values[table.IndexOf("Seen")]));
    }

    private static IEnumerable<JsonElement> Column(Dictionary<string, JsonElement> rows, string name) =>
        new[] { "b1", "b2", "b3", "b4" }.Select(id => rows[id].GetProperty(name));

    private static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : value.GetString();
}
