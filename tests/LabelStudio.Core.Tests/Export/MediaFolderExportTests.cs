using System.IO.Compression;
using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Export;

/// <summary>The imagefolder package read back: folders per class, original bytes, the metadata file.</summary>
public sealed class MediaFolderExportTests : IAsyncLifetime
{
    private static readonly string[] Classes = ["../x", "a/b", "a_b", "CON", "shirt"];

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateImageProjectAsync("Clothes", Classes);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EachClassGetsOneSafeFolderHoldingTheOriginalFiles()
    {
        var images = await ImportLabeledAsync();

        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.MediaFolder));

        var files = package.Entries.Keys.Where(k => k.Contains('/')).ToList();
        var byFolder = files.GroupBy(f => f[..f.IndexOf('/')]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int> { ["_._x"] = 1, ["a_b"] = 1, ["a_b-2"] = 1, ["_CON"] = 1, ["shirt"] = 3 },
            byFolder);
        Assert.All(files, f => Assert.Equal(2, f.Split('/').Length));
        Assert.DoesNotContain(files, f => f.Split('/').Any(s => s is "." or ".." || s.StartsWith('.')));
        var metadata = await TableFileParser.ParseAsync(new MemoryStream(package.Data), "metadata.csv");
        Assert.Equal(7, metadata.Rows.Count);
        foreach (var row in metadata.Rows)
        {
            var path = row.Values[metadata.IndexOf("file_name")]!;
            var source = row.Values[metadata.IndexOf("source_path")]!;
            Assert.Equal(images[source].Bytes, package.Entries[path]);
            Assert.Equal(images[source].Label, row.Values[metadata.IndexOf("label")]);
            Assert.Equal("single", row.Values[metadata.IndexOf("label_source")]);
            Assert.Equal(ImportedLabels.AnnotatorName, row.Values[metadata.IndexOf("annotator")]);
        }
        Assert.Equal("metadata.csv", package.Manifest.DataFile);
        Assert.Equal(metadata.Columns, package.Manifest.Columns);
        Assert.Equal(Classes, package.Manifest.Classes.Select(c => c.Name));
    }

    [Fact]
    public async Task TwoUploadsWithTheSameNameInOneClassStayTwoFiles()
    {
        await ImportLabeledAsync();

        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.MediaFolder));

        var shirts = package.Entries.Keys.Where(k => k.StartsWith("shirt/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, shirts.Count);
        Assert.Equal(2, shirts.Count(s => s.EndsWith("-img.png", StringComparison.Ordinal)));
        Assert.Equal(3, shirts.Select(s => package.Entries[s].Length).Count());
    }

    [Fact]
    public async Task AClassNamedParentFolderCannotEscapeWhenUnzipped()
    {
        await ImportLabeledAsync();
        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.MediaFolder));
        var target = Path.Combine(_database.Root, "unzipped", "inner");
        Directory.CreateDirectory(target);

        ZipFile.ExtractToDirectory(package.Job.StoredPath is { } stored ? Path.Combine(_database.Root, stored) : "",
            target);

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!));
        Assert.Equal(7, Directory.GetFiles(target, "*", SearchOption.AllDirectories).Count(f => f.EndsWith(".png")));
        Assert.True(File.Exists(Path.Combine(target, "metadata.csv")));
    }

    [Fact]
    public async Task SkipsAndPredictionColumnsFollowTheOptions()
    {
        await ImportLabeledAsync();
        var annotator = new Annotator(_database, _project.Id, "alice");
        var lease = await annotator.NextAsync();
        await annotator.SkipAsync(lease!.ItemId, lease.Id);

        var package = await _database.ExportAsync(_project.Id, new ExportOptions(
            ExportFormat.MediaFolder, IncludeSkipped: true, IncludePredictions: true));

        var metadata = await TableFileParser.ParseAsync(new MemoryStream(package.Data), "metadata.csv");
        var skipped = Assert.Single(metadata.Rows, r => r.Values[metadata.IndexOf("skipped")] == "true");
        Assert.StartsWith("_skipped/", skipped.Values[metadata.IndexOf("file_name")]);
        Assert.Null(skipped.Values[metadata.IndexOf("label_source")]);
        Assert.Contains("predicted_label", metadata.Columns);
        Assert.Contains("prob_../x", metadata.Columns);
        Assert.Single(package.Entries.Keys, k => k.StartsWith("_skipped/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATableProjectIsToldMediaFoldersNeedFiles()
    {
        var table = await _database.CreateProjectAsync("Rows", ["a", "b"]);

        var refused = await Assert.ThrowsAsync<ExportRequestException>(() => _database.Get<ExportJobService>()
            .StartAsync(table.Id, new ExportOptions(ExportFormat.MediaFolder), null, CancellationToken.None));

        Assert.Contains(refused.Problems, p => p.StartsWith("format: media-folder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMissingOriginalFailsTheJobNamingTheItem()
    {
        await ImportLabeledAsync();
        await using (var db = await _database.ContextAsync())
        {
            var media = await db.ItemMedia.FirstAsync(m => m.RelativePath == "coat.png");
            File.Delete(Path.Combine(_database.Root, media.StoredFolder, media.OriginalFile));
        }
        var jobs = _database.Get<ExportJobService>();
        var queued = await jobs.StartAsync(
            _project.Id, new ExportOptions(ExportFormat.MediaFolder), null, CancellationToken.None);

        var job = await _database.Get<ExportRunner>().RunAsync(queued.Id, CancellationToken.None);

        Assert.Equal(ExportStatus.Failed, job!.Status);
        Assert.Contains("coat.png", job.Message);
    }

    /// <summary>
    /// Seven images labeled by a manifest (one per odd class, three shirts, two of them called img.png)
    /// and one left unlabeled.
    /// </summary>
    private async Task<Dictionary<string, (byte[] Bytes, string Label)>> ImportLabeledAsync()
    {
        var images = new Dictionary<string, (byte[] Bytes, string Label)>
        {
            ["up.png"] = (TestImages.Png(4, 4, 10), "../x"),
            ["slash.png"] = (TestImages.Png(4, 5, 20), "a/b"),
            ["under.png"] = (TestImages.Png(4, 6, 30), "a_b"),
            ["device.png"] = (TestImages.Png(4, 7, 40), "CON"),
            ["one/img.png"] = (TestImages.Png(5, 4, 50), "shirt"),
            ["two/img.png"] = (TestImages.Png(6, 4, 60), "shirt"),
            ["coat.png"] = (TestImages.Png(7, 4, 70), "shirt"),
        };
        var manifest = new StringBuilder("file,label\n");
        foreach (var (path, image) in images)
        {
            manifest.Append(path).Append(',').Append(image.Label).Append('\n');
        }
        manifest.Append("extra.png,\n");
        var zip = TestImages.Zip(
            [.. images.Select(i => (i.Key, i.Value.Bytes)), ("extra.png", TestImages.Png(8, 8, 80)),
             ("manifest.csv", TestImages.Text(manifest.ToString()))]);

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        return images;
    }
}
