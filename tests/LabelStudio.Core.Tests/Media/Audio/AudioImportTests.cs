using System.Buffers.Binary;
using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Import;
using LabelStudio.Core.Media;
using LabelStudio.Core.Media.Audio;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Media.Audio;

/// <summary>
/// Every bad input of the audio issue, through the real import job: good clips of awkward formats
/// import with a playable 16-bit display copy; bad ones are listed with their reason and, by
/// default, nothing at all is written.
/// </summary>
public sealed class AudioImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: services => services.Configure<MediaOptions>(
            o => o.MaxAudioDuration = TimeSpan.FromSeconds(2)));
        _project = await _database.CreateAudioProjectAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(32, TestWav.Float)]
    [InlineData(24, TestWav.Pcm)]
    public async Task WideWavImportsWithASixteenBitPcmDisplayCopyThatPlays(int bits, int tag)
    {
        var wav = TestWav.Build(TestWav.Sine(44100, 2, 0.5), 44100, 2, bits, tag);

        var job = await _database.ImportZipAsync(_project.Id, TestImages.Zip(("en/wide.wav", wav)));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        var display = await DisplayCopyAsync("en/wide.wav");
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(display.AsSpan(20)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(display.AsSpan(34)));
        var played = AudioFiles.Decode(display, "display.wav");
        Assert.Equal(0.5, played.Duration.TotalSeconds, 2);
        Assert.InRange(AudioFiles.ToneFrequency(played, 0), 435, 445);
    }

    [Fact]
    public async Task StereoMp3BehindAnId3TagImportsWithItsDurationAndPictures()
    {
        var job = await _database.ImportZipAsync(
            _project.Id, TestImages.Zip(("fr/song.mp3", AudioFiles.Fixture("stereo-44k-id3.mp3"))));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.SingleAsync();
        Assert.Equal(("MP3", "song.mp3"), (media.Format, media.FileName));
        Assert.InRange(media.DurationSeconds!.Value, 0.1, 2);
        var folder = Path.Combine(_database.Root, media.StoredFolder);
        Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(folder, media.ThumbnailFile))[0]);
        Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(folder, media.SpectrogramFile!))[0]);
        Assert.Equal(60, FeatureVectorCodec.Decode(media.RawFeatures).Length);
        Assert.Contains("\"duration\":", (await db.Items.SingleAsync()).DataJson);
    }

    [Fact]
    public async Task WavWhoseHeaderClaimsMoreDataThanTheFileHoldsIsRejected()
    {
        var lying = TestWav.Build(TestWav.Sine(8000, 1, 0.5), 8000, 1, 16, claimedDataBytes: 8000 * 2 * 12);

        var reason = await RejectionOfAsync("lying.wav", lying);

        Assert.Contains("promises 12.0 s of audio but the file holds only 0.5 s", reason);
    }

    [Fact]
    public async Task ZeroByteWavIsRejected()
    {
        var reason = await RejectionOfAsync("empty.wav", []);

        Assert.Equal("The file is empty (0 bytes).", reason);
    }

    [Fact]
    public async Task TextNamedMp3IsRejected()
    {
        var reason = await RejectionOfAsync("notes.mp3", Encoding.UTF8.GetBytes("Meeting notes, not a song.\n"));

        Assert.Contains("Not an audio file", reason);
    }

    [Fact]
    public async Task ClipLongerThanTheLimitIsRejected()
    {
        var reason = await RejectionOfAsync("long.wav", TestWav.Build(TestWav.Sine(8000, 1, 3), 8000, 1, 16));

        Assert.Equal("The clip lasts 3 s; clips may last at most 2 s.", reason);
    }

    [Fact]
    public async Task ZipEntryClimbingOutIsRejectedAndNothingIsWritten()
    {
        var good = TestWav.Build(TestWav.Sine(8000, 1, 0.2), 8000, 1, 16);
        var zip = TestImages.Zip(("../evil.wav", good), ("ok.wav", good));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Failed, job.Status);
        var rejection = Assert.Single(job.Rejections());
        Assert.Equal("../evil.wav", rejection.FileName);
        Assert.Contains("climbs out", rejection.Message);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task SkipBadFilesImportsTheGoodClipsAndListsTheBad()
    {
        var good = TestWav.Build(TestWav.Sine(8000, 1, 0.2), 8000, 1, 16);
        var zip = TestImages.Zip(("en/a.wav", good), ("en/b.wav", []), ("fr/c.mp3", "text"u8.ToArray()));

        var job = await _database.ImportZipAsync(
            _project.Id, zip, new MediaImportRequest(null, LabelMode.HiddenGroundTruth, SkipBadFiles: true));

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(["en/b.wav", "fr/c.mp3"], job.Rejections().Select(r => r.FileName).Order());
        Assert.Equal("Imported 1 clip; skipped 2 bad files", job.Message);
        await using var db = await _database.ContextAsync();
        var item = await db.Items.SingleAsync();
        Assert.Equal(("en", null), (item.GroundTruth, item.CurrentClassId));
        var leftovers = Directory.EnumerateFiles(
            Path.Combine(_database.Root, "media"), "*", SearchOption.AllDirectories);
        Assert.Equal(4, leftovers.Count());
    }

    [Fact]
    public async Task SecondImportStandardizesEveryClipOfTheProjectTogether()
    {
        var first = TestImages.Zip(("en/1.wav", Tone(200)), ("en/2.wav", Tone(300)));
        var second = TestImages.Zip(("fr/3.wav", Tone(2000)), ("fr/4.wav", Tone(3000)));
        var featurizer = _database.Get<AudioFeaturizer>();

        await _database.ImportZipAsync(_project.Id, first);
        await featurizer.RunAsync(_project.Id, CancellationToken.None);
        var afterFirst = await VectorsAsync();
        await _database.ImportZipAsync(_project.Id, second);
        Assert.Equal([_project.Id], await featurizer.DueProjectsAsync(CancellationToken.None));
        await featurizer.RunAsync(_project.Id, CancellationToken.None);
        var afterSecond = await VectorsAsync();

        Assert.Equal(2, afterFirst.Count);
        Assert.Equal(4, afterSecond.Count);
        Assert.Empty(await featurizer.DueProjectsAsync(CancellationToken.None));
        for (var slot = 0; slot < 60; slot++)
        {
            Assert.Equal(0, afterSecond.Values.Average(v => v[slot]), 2);
        }
        Assert.NotEqual(afterFirst.First().Value, afterSecond[afterFirst.First().Key]);
    }

    private static byte[] Tone(double frequency) =>
        TestWav.Build(TestWav.Sine(16000, 1, 0.5, frequency), 16000, 1, 16);

    private async Task<Dictionary<long, float[]>> VectorsAsync()
    {
        await using var db = await _database.ContextAsync();
        return await db.ItemFeatures.Where(f => f.ProjectId == _project.Id)
            .ToDictionaryAsync(f => f.ItemId, f => FeatureVectorCodec.Decode(f.Vector));
    }

    private async Task<byte[]> DisplayCopyAsync(string relativePath)
    {
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.SingleAsync(m => m.RelativePath == relativePath);
        Assert.Equal(".wav", Path.GetExtension(media.DisplayFile));
        return await File.ReadAllBytesAsync(Path.Combine(_database.Root, media.StoredFolder, media.DisplayFile));
    }

    private async Task<string> RejectionOfAsync(string name, byte[] content)
    {
        var good = TestWav.Build(TestWav.Sine(8000, 1, 0.2), 8000, 1, 16);
        var job = await _database.ImportZipAsync(_project.Id, TestImages.Zip(("good.wav", good), (name, content)));

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
        var media = Path.Combine(_database.Root, "media");
        Assert.Empty(Directory.Exists(media)
            ? Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories)
            : []);
    }
}
