using System.Globalization;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Export;

/// <summary>Exports are read back with the product's own CSV parser, as a spreadsheet or a script would read them.</summary>
public sealed class CsvExporterTests : IAsyncLifetime
{
    private static readonly TableImportPlan NotePlan = new(["Mass"], IdColumn: "Id");

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
        await _database.ImportCsvAsync(_project.Id, csv, NotePlan with { LabelColumn = "Species", LabelMode = LabelMode.HiddenGroundTruth });
        var alice = await AnnotatorWithAccountAsync("alice@example.com");
        var bob = await AnnotatorWithAccountAsync("bob@example.com");
        var (adelie, gentoo) = await ClassIdsAsync();
        await alice.LabelAsync(await ItemIdAsync("b3"), gentoo);
        await alice.LabelAsync(await ItemIdAsync("b1"), gentoo);
        _database.Clock.Advance(TimeSpan.FromMinutes(2));
        await bob.LabelAsync(await ItemIdAsync("b1"), adelie);

        var (count, table) = await ExportAsync();

        Assert.Equal(2, count);
        Assert.Equal(
            ["Id", "Note", "Mass", "label", "annotator", "labeled_at", "model_version", "round", "strategy", "seconds_spent",
             "score_when_served"],
            table.Columns);
        var rows = table.Rows.Select(r => (IEnumerable<string?>)r.Values).ToList();
        Assert.Equal(["b1", "first", "3.5", "Adelie", "bob@example.com", Instant(_database.Clock.GetUtcNow()), "0", "1", "margin", "2.5", "0"],
            rows[0]);
        Assert.Equal(["b3", "third", "5.0", "Gentoo", "alice@example.com", Instant(TestDatabase.Start), "0", "1", "margin", "2.5", "0"],
            rows[1]);
    }

    [Fact]
    public async Task ImportedLabelsAreExportedAsImported()
    {
        var csv = "Id,Species,Mass\nb1,Adelie,3.5\nb2,,4.1\nb3,Gentoo,5.0\n";
        await _database.ImportCsvAsync(_project.Id, csv, NotePlan with { LabelColumn = "Species" });

        var (count, table) = await ExportAsync();

        Assert.Equal(2, count);
        Assert.Equal([("b1", "Adelie", "(imported)"), ("b3", "Gentoo", "(imported)")],
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

        Assert.Equal(["'=HYPERLINK(\"x\")", "'@SUM(A1)", "'+1+1", "-3.5", "'-2+3", "'=1", "1e3", "+7"],
            table.Rows.Select(r => r.Values[1]));
    }

    [Fact]
    public async Task ClassNameThatLooksLikeAFormulaIsNeutralizedToo()
    {
        var project = await _database.CreateProjectAsync("Risky", ["=cmd|' /C calc'!A0", "Safe"]);
        await _database.ImportCsvAsync(project.Id, "Id,Mass\nb1,1\nb2,2\n", NotePlan);
        var alice = new Annotator(_database, project.Id, "alice");
        var item = (await alice.NextAsync())!.ItemId;
        await using (var db = await _database.ContextAsync())
        {
            await alice.LabelAsync(item, await db.LabelClasses.Where(c => c.ProjectId == project.Id && c.Ordinal == 0).Select(c => c.Id).SingleAsync());
        }

        var (_, table) = await ExportAsync(project.Id);

        Assert.Equal("'=cmd|' /C calc'!A0", Assert.Single(table.Rows).Values[2]);
    }

    [Fact]
    public async Task ColumnsOnlyTheFirstFileHadAreStillExportedAfterASecondFile()
    {
        await _database.ImportCsvAsync(_project.Id, "Id,Note,Mass\nb1,first,3.5\n", NotePlan);
        await _database.ImportCsvAsync(_project.Id, "Id,Mass,Colour\nb2,4.1,red\n", NotePlan);
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
        var hidden = NotePlan with { LabelColumn = "Species", LabelMode = LabelMode.HiddenGroundTruth };
        await _database.ImportCsvAsync(_project.Id, "Id,Species,Mass\nb1,Adelie,3.5\n", hidden);
        await _database.ImportCsvAsync(_project.Id, "Id,Species,Mass\nb2,unsure,4.1\n", NotePlan);
        await LabelEverythingAsync();

        var (_, table) = await ExportAsync();

        Assert.Equal(["Id", "Species", "Mass", "label"], table.Columns.Take(4));
        Assert.Equal([("b1", null), ("b2", "unsure")], table.Rows.Select(r => (r.Values[0], r.Values[1])));
    }

    private static string Instant(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private async Task ImportNotesAsync(IReadOnlyList<string> notes)
    {
        var rows = notes.Select((note, i) => $"n{i + 1},\"{note.Replace("\"", "\"\"")}\",{i}");
        var job = await _database.ImportCsvAsync(_project.Id, "Id,Note,Mass\n" + string.Join('\n', rows) + "\n", NotePlan);
        Assert.Equal(JobStatus.Succeeded, job.Status);
    }

    private async Task LabelEverythingAsync()
    {
        var (adelie, _) = await ClassIdsAsync();
        var alice = new Annotator(_database, _project.Id, "alice");
        while (await alice.NextAsync() is { } lease)
        {
            await alice.LabelAsync(lease.ItemId, adelie);
        }
    }

    private async Task<(int Count, ParsedTable Table)> ExportAsync(int? projectId = null)
    {
        using var output = new MemoryStream();
        var count = await _database.Get<CsvExporter>().WriteAsync(projectId ?? _project.Id, output, CancellationToken.None);

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

    private async Task<long> ItemIdAsync(string externalId)
    {
        await using var db = await _database.ContextAsync();
        return await db.Items.Where(i => i.ProjectId == _project.Id && i.ExternalId == externalId).Select(i => i.Id).SingleAsync();
    }

    private async Task<(int Adelie, int Gentoo)> ClassIdsAsync()
    {
        await using var db = await _database.ContextAsync();
        var ids = await db.LabelClasses.Where(c => c.ProjectId == _project.Id).OrderBy(c => c.Ordinal).Select(c => c.Id).ToListAsync();
        return (ids[0], ids[1]);
    }
}
