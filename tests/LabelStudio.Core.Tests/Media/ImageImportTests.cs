using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.Items;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;

namespace LabelStudio.Core.Tests.Media;

/// <summary>Good images become items with stored originals, browser-safe copies and a queue.</summary>
public sealed class ImageImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateImageProjectAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ClassFoldersThatAddClassesAreNamedInTheJobsMessage()
    {
        var zip = TestImages.Zip(
            ("shirt/1.png", TestImages.Png()), ("bag/2.png", TestImages.Png()), ("tshrit/3.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(
            _project.Id, zip, new MediaImportRequest(null, LabelMode.ImportAsLabels, false));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal("Imported 3 images; added the classes 'bag', 'tshrit' from the class folders", job.Message);
    }

    [Fact]
    public async Task FiveThousandFilesInOneZipAllImport()
    {
        var png = TestImages.Png(4, 4);
        var zip = TestImages.Zip(Enumerable.Range(0, 5000).Select(i => ($"many/{i:D4}.png", png)).ToArray());

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(5000, job.ImportedCount);
        await using var db = await _database.ContextAsync();
        Assert.Equal(5000, await db.ItemMedia.CountAsync(m => m.ProjectId == _project.Id));
        Assert.Equal(5000, await db.ItemRanks.CountAsync(r => r.ProjectId == _project.Id));
    }

    [Fact]
    public async Task NamesWithEmojiPlusHashPercentSpacesAndAccentsImportUnchanged()
    {
        string[] names = ["👕 shirt+1.png", "a b#c%20é.png", "Café/naïve +#%.jpg"];
        var zip = TestImages.Zip(
            (names[0], TestImages.Png()), (names[1], TestImages.Png()), (names[2], TestImages.Jpeg()));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.OrderBy(m => m.RelativePath).ToListAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), media.Select(m => m.RelativePath));
        Assert.Contains(media, m => m.FileName == "naïve +#%.jpg");
        Assert.All(media, m => Assert.True(File.Exists(Path.Combine(_database.Root, m.StoredFolder, m.DisplayFile))));
    }

    [Fact]
    public async Task TiffIsKeptAndShownAsPngWithItsSize()
    {
        var job = await _database.ImportZipAsync(_project.Id, TestImages.Zip(("scan.tiff", TestImages.Tiff(12, 10))));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.SingleAsync();
        Assert.Equal(("TIFF", 12, 10), (media.Format, media.Width, media.Height));
        Assert.EndsWith(".png", media.DisplayFile);
        var folder = Path.Combine(_database.Root, media.StoredFolder);
        Assert.Equal(TestImages.Tiff(12, 10), await File.ReadAllBytesAsync(Path.Combine(folder, media.OriginalFile)));
        using var display = await Image.LoadAsync(Path.Combine(folder, media.DisplayFile));
        Assert.Equal((12, 10), (display.Width, display.Height));
    }

    [Fact]
    public async Task EveryAcceptedFormatImportsWithABrowserSafeDisplayCopy()
    {
        var zip = TestImages.Zip(
            ("a.png", TestImages.Png()),
            ("b.jpeg", TestImages.Jpeg()),
            ("c.bmp", TestImages.Encoded(new SixLabors.ImageSharp.Formats.Bmp.BmpEncoder())),
            ("d.gif", TestImages.Encoded(new SixLabors.ImageSharp.Formats.Gif.GifEncoder())),
            ("e.webp", TestImages.Encoded(new SixLabors.ImageSharp.Formats.Webp.WebpEncoder())),
            ("f.tif", TestImages.Tiff()));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.OrderBy(m => m.RelativePath).ToListAsync();
        Assert.Equal(["PNG", "JPEG", "BMP", "GIF", "WebP", "TIFF"], media.Select(m => m.Format));
        Assert.All(media, m => Assert.True(m.DisplayFile.EndsWith(".png") || m.DisplayFile.EndsWith(".jpg")));
    }

    [Fact]
    public async Task LargeImageGetsADisplayCopyAndThumbnailWithinTheirSides()
    {
        var job = await _database.ImportZipAsync(_project.Id, TestImages.Zip(("wide.jpg", TestImages.Jpeg(3000, 600))));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.SingleAsync();
        var folder = Path.Combine(_database.Root, media.StoredFolder);
        Assert.Equal((3000, 600), (media.Width, media.Height));
        Assert.Equal(2048, Image.Identify(Path.Combine(folder, media.DisplayFile)).Width);
        Assert.Equal(256, Image.Identify(Path.Combine(folder, media.ThumbnailFile)).Width);
    }

    [Fact]
    public async Task ClassSubfoldersBecomeHiddenGroundTruth()
    {
        var zip = TestImages.Zip(
            ("shirt/1.png", TestImages.Png()), ("shoe/2.png", TestImages.Png()), ("hat/3.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(
            _project.Id, zip, new MediaImportRequest(null, LabelMode.HiddenGroundTruth, false));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var items = await db.Items.OrderBy(i => i.GroundTruth).ToListAsync();
        Assert.Equal(["hat", "shirt", "shoe"], items.Select(i => i.GroundTruth));
        Assert.All(items, i => Assert.Null(i.CurrentClassId));
        Assert.Contains(await db.LabelClasses.Select(c => c.Name).ToListAsync(), name => name == "hat");
    }

    [Fact]
    public async Task AHiddenClassFolderShowsNowhereAnAnnotatorLooks()
    {
        var zip = TestImages.Zip(("cat/001.png", TestImages.Png()), ("dog/001.png", TestImages.Png()),
            ("dog/close-ups/002.png", TestImages.Png()));
        var hidden = new MediaImportRequest(null, LabelMode.HiddenGroundTruth, false);

        var job = await _database.ImportZipAsync(_project.Id, zip, hidden);
        var again = await _database.ImportZipAsync(_project.Id, zip, hidden);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal((JobStatus.Succeeded, 0), (again.Status, again.ImportedCount));
        await using var db = await _database.ContextAsync();
        var items = await db.Items.OrderBy(i => i.Ordinal).ToListAsync();
        Assert.Equal(["001.png", "001 (2).png", "close-ups/002.png"], items.Select(i => i.ExternalId));
        Assert.All(items, i => Assert.DoesNotContain("cat/", i.DataJson));
        Assert.All(items, i => Assert.DoesNotContain("dog/", i.DataJson));
        Assert.Equal(["cat", "dog", "dog"], items.Select(i => i.GroundTruth));
        var paths = await db.ItemMedia.OrderBy(m => m.ItemId).Select(m => m.RelativePath).ToListAsync();
        Assert.Equal(["cat/001.png", "dog/001.png", "dog/close-ups/002.png"], paths);
    }

    [Fact]
    public async Task ClassSubfoldersBecomeLabelsAndLeaveTheQueue()
    {
        var zip = TestImages.Zip(("Shirt/1.png", TestImages.Png()), ("other.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(
            _project.Id, zip, new MediaImportRequest(null, LabelMode.ImportAsLabels, false));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var labeled = await db.Items.SingleAsync(i => i.CurrentClassId != null);
        Assert.Equal("Shirt/1.png", labeled.ExternalId);
        Assert.Equal(1, await db.LabelEvents.CountAsync());
        Assert.Equal(1, await db.ItemRanks.CountAsync());
    }

    [Fact]
    public async Task ImportedLabelsCountAsOneSingleVoteAsInTableImports()
    {
        var zip = TestImages.Zip(("Shirt/1.png", TestImages.Png()), ("other.png", TestImages.Png()));

        await _database.ImportZipAsync(_project.Id, zip, new MediaImportRequest(null, LabelMode.ImportAsLabels, false));

        await using var db = await _database.ContextAsync();
        var items = await db.Items.OrderBy(i => i.ExternalId).ToListAsync();
        Assert.Equal(
            [("Shirt/1.png", LabelSource.Single, 1), ("other.png", LabelSource.None, 0)],
            items.Select(i => (i.ExternalId, i.LabelSource, i.VoteCount)));
    }

    [Fact]
    public async Task ManifestColumnsAreKeptBesideEachImage()
    {
        var manifest = "file,label,photographer\nshirt/1.png,shoe,Ana\n2.png,,Bo\n";
        var zip = TestImages.Zip(
            ("manifest.csv", TestImages.Text(manifest)),
            ("shirt/1.png", TestImages.Png()),
            ("2.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(
            _project.Id, zip, new MediaImportRequest(null, LabelMode.ImportAsLabels, false));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var first = await db.Items.SingleAsync(i => i.ExternalId == "shirt/1.png");
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(first.DataJson)!;
        Assert.Equal(("Ana", "1.png", "8"), (values["photographer"], values["file"], values["width"]));
        var shoe = await db.LabelClasses.SingleAsync(c => c.Name == "shoe");
        Assert.Equal(shoe.Id, first.CurrentClassId);
    }

    [Fact]
    public async Task ManifestNamingAMissingImageFailsTheImport()
    {
        var zip = TestImages.Zip(("manifest.csv", TestImages.Text("file\nnope.png\n")), ("a.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("No file 'nope.png'", job.Message);
    }

    [Fact]
    public async Task TheSameZipTwiceLeavesItsImagesAsTheyWereAndImportsTheNewOne()
    {
        await _database.ImportZipAsync(_project.Id, TestImages.Zip(("a.png", TestImages.Png())));

        var again = await _database.ImportZipAsync(
            _project.Id, TestImages.Zip(("a.png", TestImages.Png()), ("b.png", TestImages.Png(shade: 7))));

        Assert.Equal((JobStatus.Succeeded, 1), (again.Status, again.ImportedCount));
        Assert.Equal("Imported 1 image; 1 image already in the project was left as it was", again.Message);
        Assert.Empty(again.Rejections());
    }

    [Fact]
    public async Task SamePathWithOtherBytesIsRejectedByName()
    {
        await _database.ImportZipAsync(_project.Id, TestImages.Zip(("a.png", TestImages.Png(shade: 1))));

        var again = await _database.ImportZipAsync(_project.Id, TestImages.Zip(("a.png", TestImages.Png(shade: 2))));

        Assert.Equal(JobStatus.Failed, again.Status);
        var problem = Assert.Single(again.Rejections());
        Assert.Equal("a.png", problem.FileName);
        Assert.Contains("already has a different file of this path", problem.Message);
    }

    [Fact]
    public async Task OneNameFromTwoHiddenClassFoldersIsShownAndStoredUnderTwoNames()
    {
        var zip = TestImages.Zip(("cat/001.png", TestImages.Png()), ("dog/001.png", TestImages.Png()));

        var hidden = new MediaImportRequest(null, LabelMode.HiddenGroundTruth, false);

        await _database.ImportZipAsync(_project.Id, zip, hidden);

        await using var db = await _database.ContextAsync();
        var items = await db.Items.OrderBy(i => i.Ordinal).ToListAsync();
        var reader = _database.Get<ItemReader>();
        var shown = new List<(string, string, string?)>();
        foreach (var item in items)
        {
            var media = (await reader.ReadAsync(_project.Id, item.Id, CancellationToken.None))!.Media!;
            var file = JsonSerializer.Deserialize<Dictionary<string, string?>>(item.DataJson)!["file"];
            shown.Add((media.FileName, media.ItemName, file));
        }
        Assert.Equal([("001.png", "001.png", "001.png"), ("001 (2).png", "001 (2).png", "001 (2).png")], shown);
        var sources = await db.ItemMedia.OrderBy(m => m.ItemId).Select(m => m.RelativePath).ToListAsync();
        Assert.Equal(["cat/001.png", "dog/001.png"], sources);
    }
}
