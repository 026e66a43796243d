using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Media;

/// <summary>
/// Symbolic links in a server import folder are never followed, and each is named in the report with
/// its reason instead of vanishing.
/// </summary>
public sealed class FolderLinkTests : IAsyncLifetime
{
    private const string Inbox = "Scanner inbox";
    private const string Reason = "A symbolic link; links are not followed.";

    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "labelstudio-tests", $"links-{Guid.NewGuid():N}");
    private TestDatabase _database = null!;
    private Project _project = null!;

    private string Folder => Path.Combine(_root, "inbox");

    private string Outside => Path.Combine(_root, "outside");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(Outside);
        await File.WriteAllBytesAsync(Path.Combine(Outside, "secret.png"), TestImages.Png());
        _database = await TestDatabase.CreateAsync(configure: services => services.Configure<MediaOptions>(
            o => o.ImportFolders[Inbox] = Folder));
        _project = await _database.CreateImageProjectAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task EveryLinkIsNamedWithItsReasonAndTheRealFilesImport()
    {
        await File.WriteAllBytesAsync(Path.Combine(Folder, "real.png"), TestImages.Png());
        LinkEveryKind();

        var job = await _database.ImportFolderAsync(_project.Id, Inbox, skipBadFiles: true);

        Assert.Equal((JobStatus.Succeeded, 1), (job.Status, job.ImportedCount));
        Assert.Equal("Imported 1 image; skipped 4 bad files", job.Message);
        Assert.Equal(["broken.png", "outside-folder", "outside.png", "sub/same.png"],
            job.Rejections().Select(r => r.FileName));
        Assert.All(job.Rejections(), r => Assert.Equal(Reason, r.Message));
        await using var db = await _database.ContextAsync();
        Assert.Equal(["real.png"], await db.ItemMedia.Select(m => m.RelativePath).ToListAsync());
    }

    [Fact]
    public async Task AFolderMadeOfLinksFailsSayingWhyNotThatItIsEmpty()
    {
        LinkEveryKind();

        var job = await _database.ImportFolderAsync(_project.Id, Inbox, skipBadFiles: true);

        Assert.Equal(JobStatus.Failed, job.Status);
        var report = job.Rejections();
        Assert.Equal(5, report.Count);
        Assert.Equal(4, report.Count(r => r.Message == Reason));
        Assert.Equal("All 4 files found were rejected; nothing was imported.", report[^1].Message);
        await using var db = await _database.ContextAsync();
        Assert.Equal(0, await db.ItemMedia.CountAsync());
    }

    [Fact]
    public async Task ALinkFailsTheWholeImportByDefault()
    {
        await File.WriteAllBytesAsync(Path.Combine(Folder, "real.png"), TestImages.Png());
        File.CreateSymbolicLink(Path.Combine(Folder, "outside.png"), Path.Combine(Outside, "secret.png"));

        var job = await _database.ImportFolderAsync(_project.Id, Inbox);

        Assert.Equal(JobStatus.Failed, job.Status);
        var problem = Assert.Single(job.Rejections());
        Assert.Equal(("outside.png", Reason), (problem.FileName, problem.Message));
    }

    /// <summary>A link to a file inside, to a file and a folder outside, and to nothing.</summary>
    private void LinkEveryKind()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "sub"));
        File.CreateSymbolicLink(Path.Combine(Folder, "sub", "same.png"), Path.Combine(Folder, "real.png"));
        File.CreateSymbolicLink(Path.Combine(Folder, "outside.png"), Path.Combine(Outside, "secret.png"));
        Directory.CreateSymbolicLink(Path.Combine(Folder, "outside-folder"), Outside);
        File.CreateSymbolicLink(Path.Combine(Folder, "broken.png"), Path.Combine(_root, "nothing-here.png"));
    }
}
