using System.Globalization;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Export;

/// <summary>Exports are read back with the product's own CSV parser, as a script would read them.</summary>
public sealed class CsvExporterTests : IAsyncLifetime
{
    private static readonly TableImportPlan MassPlan = new(["Mass"], IdColumn: "Id");

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Export", ["Adelie", "Gentoo"]);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ExportHasTheOriginalColumnsWithoutTheHiddenLabelThenHowEachItemWasLabeled()
    {
        var csv = "Id,Species,Note,Mass\nb1,Adelie,first,3.5\nb2,Gentoo,second,5.2\nb3,Gentoo,third,5.0\n";
        var hidden = MassPlan with { LabelColumn = "Species", LabelMode = LabelMode.HiddenGroundTruth };
        await _database.ImportCsvAsync(_project.Id, csv, hidden);
        var alice = await AnnotatorWithAccountAsync("alice@example.com");
        var bob = await AnnotatorWithAccountAsync("bob@example.com");
        var classes = await _database.ClassIdsAsync(_project.Id);
        await alice.LabelAsync(await _database.ItemIdAsync(_project.Id, "b3"), classes[1]);
        await bob.LabelAsync(await _database.ItemIdAsync(_project.Id, "b1"), classes[1]);
        _database.Clock.Advance(TimeSpan.FromMinutes(2));
        await bob.LabelAsync(await _database.ItemIdAsync(_project.Id, "b1"), classes[0]);

        var (count, table) = await ExportAsync();

        Assert.Equal(2, count);
        Assert.Equal(
            ["Id", "Note", "Mass", "label", "annotator", "labeled_at", "model_version", "round", "strategy",
             "seconds_spent", "score_when_served", "comment", "label_source", "votes"],
            table.Columns);
        var first = Instant(TestDatabase.Start);
        var relabeled = Instant(_database.Clock.GetUtcNow());
        Assert.Equal(
            ["b1", "first", "3.5", "Adelie", "bob@example.com", relabeled, "0", "1", "margin", "2.5", "0", null,
             "single", "1"],
            table.Rows[0].Values.AsEnumerable());
        Assert.Equal(
            ["b3", "third", "5.0", "Gentoo", "alice@example.com", first, "0", "1", "margin", "2.5", "0", null,
             "single", "1"],
            table.Rows[1].Values.AsEnumerable());
    }

    [Fact]
    public async Task SourceColumnsNamedLikeExportColumnsKeepTheirNamesAndCommentsAreExported()
    {
        var csv = "Id,Mass,annotator,Round\nb1,3.5,field team,2\n";
        await _database.ImportCsvAsync(_project.Id, csv, MassPlan);
        var itemId = await _database.ItemIdAsync(_project.Id, "b1");
        var classes = await _database.ClassIdsAsync(_project.Id);
        var submission = new LabelStudio.Core.Labeling.LabelSubmission(
            _project.Id, itemId, "alice", classes[0], 4, "beak looks damaged", false);
        await _database.Get<LabelStudio.Core.Labeling.LabelingService>()
            .SubmitAsync(submission, CancellationToken.None);

        var (_, table) = await ExportAsync();

        Assert.Equal(table.Columns.Count, table.Columns.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["Id", "Mass", "annotator", "Round", "label", "labelstudio_annotator"], table.Columns.Take(6));
        Assert.Contains("labelstudio_round", table.Columns);
        Assert.Equal("field team", table.Rows[0].Values[table.IndexOf("annotator")]);
        Assert.Equal("beak looks damaged", table.Rows[0].Values[table.IndexOf("comment")]);
    }

    [Fact]
    public async Task ImportedLabelsAreExportedAsImported()
    {
        var csv = "Id,Species,Mass\nb1,Adelie,3.5\nb2,,4.1\nb3,Gentoo,5.0\n";
        await _database.ImportCsvAsync(_project.Id, csv, MassPlan with { LabelColumn = "Species" });

        var (count, table) = await ExportAsync();

        Assert.Equal(2, count);
        Assert.Equal(
            [("b1", "Adelie", "(imported)"), ("b3", "Gentoo", "(imported)")],
            table.Rows.Select(r => (r.Values[0], r.Values[2], r.Values[3])));
    }

    [Fact]
    public async Task TextWithCommasQuotesNewlinesAccentsAndEmojiRoundTrips()
    {
        string[] notes =
        [
            "a, b and c",
            "she said \"stop\"",
            "two\nlines",
            "windows\r\nline end",
            "Zürich, Ñandú — naïve",
            "penguin 🐧 on ice 🧊",
            "  padded  ",
        ];
        await ImportNotesAsync(notes);
        await LabelEverythingAsync();

        var (_, table) = await ExportAsync();

        Assert.Equal(notes, table.Rows.Select(r => r.Values[1]));
    }

    [Fact]
    public async Task FormulaLikeCellsGetALeadingApostropheButNegativeNumbersStayNumbers()
    {
        await ImportNotesAsync(["=HYPERLINK(\"x\")", "@SUM(A1)", "+1+1", "-3.5", "-2+3", "=1", "1e3", "+7"]);
        await LabelEverythingAsync();

        var (_, table) = await ExportAsync();

        Assert.Equal(
            ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "'+1+1", "-3.5", "'-2+3", "'=1", "1e3", "+7"],
            table.Rows.Select(r => r.Values[1]));
    }

    [Fact]
    public async Task ClassNameThatLooksLikeAFormulaIsNeutralizedToo()
    {
        var project = await _database.CreateProjectAsync("Risky", ["=cmd|' /C calc'!A0", "Safe"]);
        await _database.ImportCsvAsync(project.Id, "Id,Mass\nb1,1\nb2,2\n", MassPlan);
        var alice = new Annotator(_database, project.Id, "alice");
        var item = (await alice.NextAsync())!.ItemId;
        await alice.LabelAsync(item, (await _database.ClassIdsAsync(project.Id))[0]);

        var (_, table) = await ExportAsync(project.Id);

        Assert.Equal("'=cmd|' /C calc'!A0", Assert.Single(table.Rows).Values[2]);
    }

    [Fact]
    public async Task ColumnsOnlyTheFirstFileHadAreStillExportedAfterASecondFile()
    {
        await _database.ImportCsvAsync(_project.Id, "Id,Note,Mass\nb1,first,3.5\n", MassPlan);
        await _database.ImportCsvAsync(_project.Id, "Id,Mass,Colour\nb2,4.1,red\n", MassPlan);
        await LabelEverythingAsync();

        var (_, table) = await ExportAsync();

        Assert.Equal(["Id", "Note", "Mass", "Colour"], table.Columns.Take(4));
        Assert.Equal(
            [("b1", "first", "3.5", null), ("b2", null, "4.1", "red")],
            table.Rows.Select(r => (r.Values[0], r.Values[1], r.Values[2], r.Values[3])));
    }

    [Fact]
    public async Task ColumnHiddenAsLabelInOneFileButKeptAsDataInTheNextIsExportedWithTheNextFilesValues()
    {
        var hidden = MassPlan with { LabelColumn = "Species", LabelMode = LabelMode.HiddenGroundTruth };
        await _database.ImportCsvAsync(_project.Id, "Id,Species,Mass\nb1,Adelie,3.5\n", hidden);
        await _database.ImportCsvAsync(_project.Id, "Id,Species,Mass\nb2,unsure,4.1\n", MassPlan);
        await LabelEverythingAsync();

        var (_, table) = await ExportAsync();

        Assert.Equal(["Id", "Species", "Mass", "label"], table.Columns.Take(4));
        Assert.Equal([("b1", null), ("b2", "unsure")], table.Rows.Select(r => (r.Values[0], r.Values[1])));
    }

    private static string Instant(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private async Task ImportNotesAsync(IReadOnlyList<string> notes)
    {
        var rows = notes.Select((note, i) => $"n{i + 1},\"{note.Replace("\"", "\"\"")}\",{i}");
        var csv = "Id,Note,Mass\n" + string.Join('\n', rows) + "\n";

        var job = await _database.ImportCsvAsync(_project.Id, csv, MassPlan);

        Assert.Equal(JobStatus.Succeeded, job.Status);
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

    private async Task<(int Count, ParsedTable Table)> ExportAsync(int? projectId = null)
    {
        using var output = new MemoryStream();
        var exporter = _database.Get<CsvExporter>();
        var count = await exporter.WriteAsync(projectId ?? _project.Id, output, CancellationToken.None);

        using var written = new MemoryStream(output.ToArray());
        return (count, await TableFileParser.ParseAsync(written, "export.csv"));
    }

    private async Task<Annotator> AnnotatorWithAccountAsync(string email)
    {
        await using var db = await _database.ContextAsync();
        var user = new AppUser { UserName = email, Email = email, DisplayName = email.Split('@')[0] };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new Annotator(_database, _project.Id, user.Id);
    }
}
