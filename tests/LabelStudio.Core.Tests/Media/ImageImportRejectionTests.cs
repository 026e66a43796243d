using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Media;

/// <summary>Bad and crafted files are named in the report with their reason, and nothing is half-imported.</summary>
public sealed class ImageImportRejectionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: services => services.Configure<MediaOptions>(o =>
        {
            o.MaxFileBytes = 2 * 1024 * 1024;
            o.MaxTotalBytes = 8 * 1024 * 1024;
        }));
        _project = await _database.CreateImageProjectAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TruncatedJpegIsRejected()
    {
        var reason = await RejectionOfAsync("cut.jpg", TestImages.TruncatedJpeg());

        Assert.Contains("truncated", reason);
    }

    [Fact]
    public async Task PngWhoseHeaderClaims20000By20000IsRejectedFromItsHeader()
    {
        var reason = await RejectionOfAsync("huge.png", TestImages.PngClaiming(20_000, 20_000));

        Assert.Contains("20,000×20,000", reason);
    }

    [Fact]
    public async Task JpgThatIsReallyTextIsRejected()
    {
        var reason = await RejectionOfAsync("photo.jpg", TestImages.Text("this is not a picture\n"));

        Assert.Contains("not a PNG, JPEG", reason);
    }

    [Fact]
    public async Task PngNamedJpgIsRejectedForItsMismatch()
    {
        var reason = await RejectionOfAsync("photo.jpg", TestImages.Png());

        Assert.Equal("The name says JPEG, but the content is a PNG image.", reason);
    }

    [Fact]
    public async Task TextWithoutAnExtensionIsRejectedForItsContent()
    {
        var reason = await RejectionOfAsync("scraped/README", TestImages.Text("not a picture either\n"));

        Assert.Equal(
            "The name has no extension and the content is not a PNG, JPEG, BMP, GIF, WebP or TIFF image.", reason);
    }

    [Fact]
    public async Task AnImageWithoutAnExtensionIsImportedAsWhatItsContentIs()
    {
        var zip = TestImages.Zip(("scraped/9f2c41d0", TestImages.Png(6, 4)), ("scraped/77ab", TestImages.Jpeg()));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal((JobStatus.Succeeded, 2), (job.Status, job.ImportedCount));
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.OrderBy(m => m.RelativePath).ToListAsync();
        Assert.Equal(["JPEG", "PNG"], media.Select(m => m.Format));
        // Stored under its format's extension, so it is served with its real content type.
        Assert.Equal([".jpg", ".png"], media.Select(m => Path.GetExtension(m.OriginalFile)));
    }

    [Fact]
    public async Task ZeroByteFileIsRejected()
    {
        var reason = await RejectionOfAsync("empty.png", []);

        Assert.Contains("empty", reason);
    }

    [Fact]
    public async Task ZipEntryClimbingOutIsRejectedAndNothingIsWrittenOutsideStaging()
    {
        var zip = TestImages.Zip(("../evil.png", TestImages.Png()), ("ok.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Failed, job.Status);
        var rejection = Assert.Single(job.Rejections());
        Assert.Equal("../evil.png", rejection.FileName);
        Assert.Contains("climbs out", rejection.Message);
        Assert.False(File.Exists(Path.Combine(_database.Root, "media", "evil.png")));
        Assert.False(File.Exists(Path.Combine(_database.Root, "evil.png")));
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task AbsoluteZipEntryIsRejected()
    {
        var zip = TestImages.Zip(("/etc/evil.png", TestImages.Png()));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Contains("absolute", Assert.Single(job.Rejections()).Message);
    }

    [Fact]
    public async Task ZipBombFailsTheWholeUploadByTheBytesItUnpacks()
    {
        var zeros = new byte[1900 * 1024];
        var zip = TestImages.Zip(
            Enumerable.Range(0, 5).Select(i => ($"bomb/{i}.png", zeros)).ToArray());

        var job = await _database.ImportZipAsync(_project.Id, zip, new MediaImportRequest(null, null, true));

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("ZIP bomb", job.Message);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task EntryOverTheFileLimitIsRejectedWithoutUnpackingIt()
    {
        var zip = TestImages.Zip(("big.png", new byte[3 * 1024 * 1024]));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Contains("larger than the 2 MB limit", Assert.Single(job.Rejections()).Message);
    }

    [Fact]
    public async Task FileThatIsNotAZipFailsWithAClearMessage()
    {
        var job = await _database.ImportZipAsync(_project.Id, TestImages.Text("just text"));

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("not a readable ZIP", job.Message);
    }

    [Fact]
    public async Task OneBadFileRejectsTheWholeUploadByDefault()
    {
        var zip = TestImages.Zip(("a.png", TestImages.Png()), ("b.png", []), ("c.jpg", TestImages.Jpeg()));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("b.png", Assert.Single(job.Rejections()).FileName);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task SkipBadFilesImportsTheGoodOnesAndReportsTheBad()
    {
        var zip = TestImages.Zip(
            ("a.png", TestImages.Png()), ("b.png", []), ("c.jpg", TestImages.Jpeg()), ("d.jpg", TestImages.Text("x")));

        var job = await _database.ImportZipAsync(_project.Id, zip, new MediaImportRequest(null, null, true));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(2, job.ImportedCount);
        Assert.Equal(["b.png", "d.jpg"], job.Rejections().Select(r => r.FileName).Order());
        Assert.Contains("skipped 2", job.Message);
    }

    [Fact]
    public async Task EveryFileRejectedSaysSoInsteadOfSayingNoImagesWereFound()
    {
        var zip = TestImages.Zip(("a.png", []), ("b.jpg", TestImages.Text("x")), ("c.jpg", TestImages.TruncatedJpeg()));

        var job = await _database.ImportZipAsync(_project.Id, zip, new MediaImportRequest(null, null, true));

        Assert.Equal(JobStatus.Failed, job.Status);
        var report = job.Rejections();
        Assert.Equal(["a.png", "b.jpg", "c.jpg", "images.zip"], report.Select(r => r.FileName));
        Assert.Equal("All 3 files found were rejected; nothing was imported.", report[^1].Message);
        Assert.DoesNotContain(report, r => r.Message.Contains("No PNG"));
    }

    [Fact]
    public async Task AnOversizedEntryAloneIsReportedAsRejectedNotAsNoImages()
    {
        var zip = TestImages.Zip(("bomb.png", new byte[3 * 1024 * 1024]));

        var job = await _database.ImportZipAsync(_project.Id, zip, new MediaImportRequest(null, null, true));

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(
            [("bomb.png", "The file is larger than the 2 MB limit for one file."),
             ("images.zip", "The one file found was rejected; nothing was imported.")],
            job.Rejections().Select(r => (r.FileName, r.Message)));
    }

    [Fact]
    public async Task AZipWithNoFilesAtAllStillSaysNoImagesWereFound()
    {
        var zip = TestImages.Zip(("__MACOSX/._a.png", TestImages.Png()), ("empty/", []));

        var job = await _database.ImportZipAsync(_project.Id, zip, new MediaImportRequest(null, null, true));

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.StartsWith("No PNG, JPEG", Assert.Single(job.Rejections()).Message);
    }

    private async Task<string> RejectionOfAsync(string name, byte[] content)
    {
        var job = await _database.ImportZipAsync(_project.Id, TestImages.Zip((name, content)));

        Assert.Equal(JobStatus.Failed, job.Status);
        var rejection = Assert.Single(job.Rejections());
        Assert.Equal(name, rejection.FileName);
        await AssertNothingImportedAsync();
        return rejection.Message;
    }

    private async Task AssertNothingImportedAsync()
    {
        await using var db = await _database.ContextAsync();
        Assert.Equal(0, await db.Items.CountAsync(i => i.ProjectId == _project.Id));
        Assert.Equal(0, await db.ItemMedia.CountAsync());
        var mediaFiles = Directory.EnumerateFiles(
            Path.Combine(_database.Root, "media"), "*", SearchOption.AllDirectories);
        Assert.Empty(mediaFiles);
    }
}
