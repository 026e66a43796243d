using System.Text;
using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using Parquet;
using FieldRepetitionType = Parquet.Meta.FieldRepetitionType;
using PhysicalType = Parquet.Meta.Type;
using Parquet.Schema;

namespace LabelStudio.Core.Tests.Export;

/// <summary>Each format read back by an independent reader: our CSV parser, System.Text.Json, Parquet.Net.</summary>
public sealed class ExportFormatTests : IAsyncLifetime
{
    private static readonly TableImportPlan MassPlan = new(["Mass"], IdColumn: "Id");

    private static readonly string[] Notes =
    [
        "a, b and c",
        "she said \"stop\"",
        "two\nlines",
        "windows\r\nline end",
        "Zürich, Ñandú — naïve",
        "penguin 🐧 on ice 🧊",
        "  padded  ",
        "",
    ];

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Formats", ["Adelie", "Gentoo"]);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CsvRoundTripKeepsTextColumnsByteForByte()
    {
        var source = NotesCsv(Notes);
        await _database.ImportCsvAsync(_project.Id, source, MassPlan);
        await LabelEverythingAsync();

        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.Csv));

        var table = await TableFileParser.ParseAsync(new MemoryStream(package.Data), "labels.csv");
        var original = await TableFileParser.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(source)), "in.csv");
        Assert.Equal(
            original.Rows.Select(r => Encoding.UTF8.GetBytes(r.Values[1] ?? "")),
            table.Rows.Select(r => Encoding.UTF8.GetBytes(r.Values[table.IndexOf("Note")] ?? "")));
        Assert.Equal(Notes.Select(n => n.Length == 0 ? null : n), table.Rows.Select(r => r.Values[1]));
        Assert.Equal(original.Columns, table.Columns.Take(3));
        Assert.False(package.Data.AsSpan().StartsWith(Encoding.UTF8.Preamble), "No byte order mark.");
    }

    [Fact]
    public async Task CsvNeutralizesFormulasInSourceCellsClassNamesAndComments()
    {
        var risky = await _database.CreateProjectAsync("Risky", ["=cmd|' /C calc'!A0", "Safe"]);
        await _database.ImportCsvAsync(risky.Id, NotesCsv(["=HYPERLINK(\"x\")", "-3.5", "@SUM(A1)"]), MassPlan);
        var classes = await _database.ClassIdsAsync(risky.Id);
        var alice = new Annotator(_database, risky.Id, "alice");
        while (await alice.NextAsync() is { } lease)
        {
            await alice.LabelAsync(lease.ItemId, classes[0]);
        }

        var package = await _database.ExportAsync(risky.Id, new ExportOptions(ExportFormat.Csv));

        var table = await TableFileParser.ParseAsync(new MemoryStream(package.Data), "labels.csv");
        Assert.Equal(["'=HYPERLINK(\"x\")", "-3.5", "'@SUM(A1)"], table.Rows.Select(r => r.Values[1]));
        Assert.All(table.Rows, r => Assert.Equal("'=cmd|' /C calc'!A0", r.Values[table.IndexOf("label")]));
    }

    [Fact]
    public async Task JsonLinesHoldsOneObjectPerRowWithTypedDecisionFields()
    {
        await _database.ImportCsvAsync(_project.Id, NotesCsv(Notes), MassPlan);
        await LabelEverythingAsync();

        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.JsonLines));

        var lines = package.DataText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Notes.Length, lines.Length);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Notes.Select(n => n.Length == 0 ? null : n), rows.Select(r => r.GetProperty("Note").GetString()));
        Assert.All(rows, r => Assert.Equal("Adelie", r.GetProperty("label").GetString()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("round").ValueKind));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.False, r.GetProperty("skipped").ValueKind));
        Assert.Equal(Enumerable.Range(0, Notes.Length), rows.Select(r => r.GetProperty("Mass").GetInt32()));
        Assert.Equal(package.Manifest.Columns, rows[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ParquetReadsBackWithTypedSchemaPredictionsAndFeatures()
    {
        var penguins = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, penguins.Id, "alice").LabelNextTruthfullyAsync(20);
        var model = await _database.Get<TrainingRunner>().RunIfDueAsync(penguins.Id, CancellationToken.None);
        var options = new ExportOptions(ExportFormat.Parquet, IncludePredictions: true, IncludeFeatures: true);

        var package = await _database.ExportAsync(penguins.Id, options);

        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(package.Data));
        var fields = reader.Schema.DataFields;
        Assert.Equal(package.Manifest.Columns, fields.Select(f => f.Name));
        Assert.Equal(model!.Version, package.Manifest.ModelVersion);
        var physical = reader.Metadata!.Schema.Skip(1).ToDictionary(e => e.Name, e => e);
        Assert.Equal(PhysicalType.BYTE_ARRAY, physical["Island"].Type);
        Assert.NotNull(physical["Island"].LogicalType!.STRING);
        Assert.Equal(PhysicalType.DOUBLE, physical["Beak Length (mm)"].Type);
        Assert.Equal(FieldRepetitionType.OPTIONAL, physical["Beak Length (mm)"].RepetitionType);
        Assert.Equal(PhysicalType.DOUBLE, physical["Body Mass (g)"].Type);
        Assert.NotNull(physical["label"].LogicalType!.STRING);
        Assert.Equal(PhysicalType.INT64, physical["labeled_at"].Type);
        Assert.True(physical["labeled_at"].LogicalType!.TIMESTAMP!.IsAdjustedToUTC);
        Assert.Equal(PhysicalType.INT32, physical["round"].Type);
        Assert.Equal(PhysicalType.BOOLEAN, physical["skipped"].Type);
        Assert.Equal(PhysicalType.DOUBLE, physical["seconds_spent"].Type);
        Assert.Equal(PhysicalType.FLOAT, physical["prob_Adelie"].Type);
        Assert.Equal(PhysicalType.FLOAT, physical["feature_0"].Type);
        Assert.Equal(FieldRepetitionType.REQUIRED, physical["round"].RepetitionType);
        Assert.Equal(FieldRepetitionType.OPTIONAL, physical["score_when_served"].RepetitionType);
        Assert.DoesNotContain(fields, f => f.Name == "Species");
        Assert.Equal(string.Join('\n', TestProjects.PenguinClasses), reader.CustomMetadata["labelstudio.classes"]);

        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(20, group.RowCount);
        var labels = new string?[20];
        await group.ReadAsync(Field(fields, "label"), labels.AsMemory(), null);
        var predicted = new string?[20];
        await group.ReadAsync(Field(fields, "predicted_label"), predicted.AsMemory(), null);
        var probabilities = new float?[20];
        await group.ReadAsync(Field(fields, "prob_Gentoo"), probabilities.AsMemory(), null);
        Assert.All(labels, l => Assert.Contains(l, TestProjects.PenguinClasses));
        Assert.True(labels.Zip(predicted).Count(p => p.First == p.Second) >= 16, "The model fits its own labels.");
        Assert.All(probabilities, p => Assert.InRange(p!.Value, 0f, 1f));
        var beaks = new double?[20];
        await group.ReadAsync(Field(fields, "Beak Length (mm)"), beaks.AsMemory(), null);
        Assert.All(beaks.OfType<double>(), b => Assert.InRange(b, 30, 60));
        Assert.True(beaks.Count(b => b is null) <= 2, "Only the sample's unmeasured birds lack a beak length.");
    }

    private static DataField Field(IEnumerable<DataField> fields, string name) => fields.Single(f => f.Name == name);

    private static string NotesCsv(IReadOnlyList<string> notes)
    {
        var rows = notes.Select((note, i) => $"n{i + 1},\"{note.Replace("\"", "\"\"")}\",{i}");
        return "Id,Note,Mass\n" + string.Join('\n', rows) + "\n";
    }

    private async Task LabelEverythingAsync()
    {
        var adelie = (await _database.ClassIdsAsync(_project.Id))[0];
        var alice = new Annotator(_database, _project.Id, "alice");
        while (await alice.NextAsync() is { } lease)
        {
            await alice.LabelAsync(lease.ItemId, adelie);
        }
    }
}
