using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Tests.Media;
using LabelStudio.Core.Tests.Media.Audio;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Export;

/// <summary>
/// An audio project through the real export job, in every format: the audiofolder package holds the
/// uploaded clips byte for byte under their class, and the table formats hold one row per clip.
/// </summary>
public sealed class AudioExportTests : IAsyncLifetime
{
    private readonly Dictionary<string, byte[]> _clips = new()
    {
        ["en/hello.wav"] = TestWav.Build(TestWav.Sine(16000, 1, 0.3, 300), 16000, 1, 16),
        ["en/good morning.wav"] = TestWav.Build(TestWav.Sine(22050, 2, 0.4, 500), 22050, 2, 16),
        ["fr/bonjour.wav"] = TestWav.Build(TestWav.Sine(8000, 1, 0.2, 700), 8000, 1, 16),
    };

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateAudioProjectAsync();
        var job = await _database.ImportZipAsync(
            _project.Id,
            TestImages.Zip([.. _clips.Select(c => (c.Key, c.Value))]),
            new MediaImportRequest(null, LabelMode.ImportAsLabels, SkipBadFiles: false));
        Assert.Equal(JobStatus.Succeeded, job.Status);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TheProjectTimelineNamesTheFormatAnAudioFolder()
    {
        await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.MediaFolder));

        await using var db = await _database.ContextAsync();
        var summaries = await db.ActivityEvents
            .Where(a => a.ProjectId == _project.Id && a.Kind == ActivityType.Export)
            .Select(a => a.Summary)
            .ToListAsync();
        Assert.Equal(["Exported 3 rows as Audio folder"], summaries);
    }

    [Fact]
    public async Task TheAudiofolderPackageHoldsEachClipUnderItsClass()
    {
        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.MediaFolder));

        var files = package.Entries.Keys.Where(k => k.EndsWith(".wav", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, files.Count);
        var metadata = await TableFileParser.ParseAsync(
            new MemoryStream(package.Entries["metadata.csv"]), "metadata.csv");
        Assert.Equal(3, metadata.Rows.Count);
        foreach (var row in metadata.Rows)
        {
            var path = row.Values[metadata.IndexOf("file_name")]!;
            var source = row.Values[metadata.IndexOf("source_path")]!;
            var label = row.Values[metadata.IndexOf("label")]!;
            Assert.Equal(_clips[source], package.Entries[path]);
            Assert.StartsWith(label + "/", path, StringComparison.Ordinal);
            Assert.StartsWith(label + "/", source, StringComparison.Ordinal);
        }
        Assert.Equal(["en", "fr"], package.Manifest.Classes.Select(c => c.Name));
    }

    [Theory]
    [InlineData(ExportFormat.Csv, "labels.csv")]
    [InlineData(ExportFormat.JsonLines, "labels.jsonl")]
    [InlineData(ExportFormat.Parquet, "labels.parquet")]
    [InlineData(ExportFormat.LabelStudio, "tasks.json")]
    public async Task EveryTableFormatHoldsOneRowPerClip(ExportFormat format, string dataFile)
    {
        var package = await _database.ExportAsync(_project.Id, new ExportOptions(format, IncludeFeatures: true));

        Assert.Equal(dataFile, package.Manifest.DataFile);
        Assert.Equal(3, package.Manifest.Counts.Rows);
        Assert.Equal(3, package.Manifest.Counts.Labels);
        Assert.True(package.Entries[dataFile].Length > 0);
        if (format == ExportFormat.Csv)
        {
            var text = Encoding.UTF8.GetString(package.Entries[dataFile]);
            Assert.Contains("good morning.wav", text);
            Assert.Contains("bonjour.wav", text);
        }
    }
}
