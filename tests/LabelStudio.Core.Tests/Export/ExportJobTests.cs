using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Export;

public sealed class ExportJobTests : IAsyncLifetime
{
    private static readonly TableImportPlan MassPlan = new(["Mass"], IdColumn: "Id");

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Export jobs", ["Adelie", "Gentoo"]);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FinishedExportIsAZipWithDataManifestAndClasses()
    {
        await _database.ImportCsvAsync(_project.Id, "Id,Note,Mass\nb1,x,3.5\nb2,y,4.0\nb3,z,5.0\n", MassPlan);
        var classes = await _database.ClassIdsAsync(_project.Id);
        var alice = new Annotator(_database, _project.Id, "alice");
        await alice.LabelAsync(await _database.ItemIdAsync(_project.Id, "b2"), classes[1]);
        await alice.SkipAsync(await _database.ItemIdAsync(_project.Id, "b3"));

        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.Csv));

        Assert.Equal(ExportStatus.Succeeded, package.Job.Status);
        Assert.Equal(["classes.json", "labels.csv", "manifest.json"], package.Entries.Keys.Order());
        Assert.Equal(["Adelie", "Gentoo"], package.Manifest.Classes.Select(c => c.Name));
        Assert.Equal(new ExportCounts(1, 1, 1, 0), package.Manifest.Counts);
        Assert.Equal(_project.Name, package.Manifest.ProjectName);
        Assert.Equal(new ExportOptions(ExportFormat.Csv), package.Manifest.Options);
        var table = await TableFileParser.ParseAsync(new MemoryStream(package.Data), "labels.csv");
        Assert.Equal(package.Manifest.Columns, table.Columns);
        Assert.Equal(("b2", "Gentoo"), (table.Rows[0].Values[0], table.Rows[0].Values[table.IndexOf("label")]));
        Assert.Equal(1, package.Job.RowCount);
    }
}
