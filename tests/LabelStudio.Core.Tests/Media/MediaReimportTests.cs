using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Media;

/// <summary>
/// A server folder that keeps receiving files (a scanner inbox) imported again and again: the files the
/// project already has are left alone and counted, never reported as problems; only new files are added.
/// </summary>
public sealed class MediaReimportTests : IAsyncLifetime
{
    private const string Inbox = "Scanner inbox";

    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "labelstudio-tests", $"inbox-{Guid.NewGuid():N}");
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateAsync(configure: services => services.Configure<MediaOptions>(
            o => o.ImportFolders[Inbox] = _folder));
        _project = await _database.CreateImageProjectAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReimportedFolderAddsOnlyTheNewFileAndLeavesTheOldAsTheyWere(bool skipBadFiles)
    {
        for (var i = 0; i < 40; i++)
        {
            await WriteAsync($"scan-{i:D2}.png", TestImages.Png(shade: (byte)i));
        }
        var first = await _database.ImportFolderAsync(_project.Id, Inbox, skipBadFiles);
        var before = await MediaByPathAsync();
        await WriteAsync("scan-40.png", TestImages.Png(shade: 200));

        var again = await _database.ImportFolderAsync(_project.Id, Inbox, skipBadFiles);

        Assert.Equal((JobStatus.Succeeded, 40), (first.Status, first.ImportedCount));
        Assert.Equal((JobStatus.Succeeded, 1), (again.Status, again.ImportedCount));
        Assert.Equal("Imported 1 image; 40 images already in the project were left as they were", again.Message);
        Assert.Empty(again.Rejections());
        var after = await MediaByPathAsync();
        Assert.Equal(41, after.Count);
        Assert.All(before, old => Assert.Equal(old.Value, after[old.Key]));
        Assert.NotEqual(before["scan-00.png"].StoredFolder, after["scan-40.png"].StoredFolder);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImportingTheSameFolderTwiceSucceedsWithNothingNew(bool skipBadFiles)
    {
        await WriteAsync("a.png", TestImages.Png());
        await _database.ImportFolderAsync(_project.Id, Inbox, skipBadFiles);

        var again = await _database.ImportFolderAsync(_project.Id, Inbox, skipBadFiles);

        Assert.Equal((JobStatus.Succeeded, 0), (again.Status, again.ImportedCount));
        Assert.Equal("Nothing new to import; 1 image already in the project was left as it was", again.Message);
        Assert.Empty(again.Rejections());
        Assert.False(Directory.Exists(Path.Combine(_database.Root, "media", $"{_project.Id}", $"job-{again.Id}")));
    }

    [Fact]
    public async Task AFileChangedUnderAnOldPathRejectsTheUploadByNameAndWritesNothing()
    {
        await WriteAsync("a.png", TestImages.Png(shade: 10));
        await WriteAsync("b.png", TestImages.Png(shade: 20));
        await _database.ImportFolderAsync(_project.Id, Inbox);
        await WriteAsync("a.png", TestImages.Png(shade: 99));
        await WriteAsync("c.png", TestImages.Png(shade: 30));

        var again = await _database.ImportFolderAsync(_project.Id, Inbox);

        Assert.Equal(JobStatus.Failed, again.Status);
        var problem = Assert.Single(again.Rejections());
        Assert.Equal("a.png", problem.FileName);
        Assert.Contains("already has a different file of this path", problem.Message);
        Assert.Equal(["a.png", "b.png"], (await MediaByPathAsync()).Keys.Order());
    }

    [Fact]
    public async Task AFileChangedUnderAnOldPathIsSkippedByNameBesideTheUnchangedOnes()
    {
        await WriteAsync("a.png", TestImages.Png(shade: 10));
        await WriteAsync("b.png", TestImages.Png(shade: 20));
        await _database.ImportFolderAsync(_project.Id, Inbox);
        var original = (await MediaByPathAsync())["a.png"];
        await WriteAsync("a.png", TestImages.Png(shade: 99));
        await WriteAsync("c.png", TestImages.Png(shade: 30));

        var again = await _database.ImportFolderAsync(_project.Id, Inbox, skipBadFiles: true);

        Assert.Equal((JobStatus.Succeeded, 1), (again.Status, again.ImportedCount));
        Assert.Equal(
            "Imported 1 image; 1 image already in the project was left as it was; skipped 1 bad file", again.Message);
        Assert.Equal("a.png", Assert.Single(again.Rejections()).FileName);
        var after = await MediaByPathAsync();
        Assert.Equal(["a.png", "b.png", "c.png"], after.Keys.Order());
        Assert.Equal(original, after["a.png"]);
    }

    private Task WriteAsync(string relativePath, byte[] content) =>
        File.WriteAllBytesAsync(Path.Combine(_folder, relativePath), content);

    private async Task<Dictionary<string, (string StoredFolder, string OriginalFile, long ItemId)>> MediaByPathAsync()
    {
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.Where(m => m.ProjectId == _project.Id).ToListAsync();
        return media.ToDictionary(m => m.RelativePath, m => (m.StoredFolder, m.OriginalFile, m.ItemId));
    }
}
