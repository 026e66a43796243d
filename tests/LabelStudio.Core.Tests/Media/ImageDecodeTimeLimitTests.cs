using System.Diagnostics;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Media;

/// <summary>A decode that runs past the time limit rejects its file with a reason; the import does not stall.</summary>
public sealed class ImageDecodeTimeLimitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        // No real decode of six million pixels finishes in a millisecond, so the limit must trip.
        _database = await TestDatabase.CreateAsync(configure: services => services.Configure<MediaOptions>(o =>
            o.DecodeTimeout = TimeSpan.FromMilliseconds(1)));
        _project = await _database.CreateImageProjectAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ImageWhoseDecodeOutlastsTheLimitIsRejectedWithItsReason()
    {
        var zip = TestImages.Zip(("slow.png", TestImages.Png(3000, 2000)));

        var job = await _database.ImportZipAsync(_project.Id, zip);

        Assert.Equal(JobStatus.Failed, job.Status);
        var rejection = Assert.Single(job.Rejections());
        Assert.Equal("slow.png", rejection.FileName);
        Assert.Contains("took longer than", rejection.Message);
    }

    [Fact]
    public async Task DecodeThatIgnoresCancellationIsAbandonedAtTheLimitAndItsImageDisposedLater()
    {
        var finished = new TaskCompletionSource<Disposable>();
        var clock = Stopwatch.StartNew();

        var rejection = Assert.Throws<MediaRejectedException>(() => DecodeDeadline.Run(
            _ =>
            {
                Thread.Sleep(1500);
                var image = new Disposable();
                finished.SetResult(image);
                return image;
            },
            TimeSpan.FromMilliseconds(100)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"waited {clock.Elapsed}");
        Assert.Contains("took longer than 0.1 s", rejection.Message);
        var image = await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(SpinWait.SpinUntil(() => image.IsDisposed, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task DecodeThatObservesCancellationIsToldToStopAtTheLimit()
    {
        var stopped = new TaskCompletionSource();

        Assert.Throws<MediaRejectedException>(() => DecodeDeadline.Run<Disposable>(
            token =>
            {
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
                stopped.SetResult();
                token.ThrowIfCancellationRequested();
                return new Disposable();
            },
            TimeSpan.FromMilliseconds(50)));

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void RejectionInsideTheDecodeKeepsItsOwnReason()
    {
        var rejection = Assert.Throws<MediaRejectedException>(() => DecodeDeadline.Run<Disposable>(
            _ => throw new MediaRejectedException("The image header cannot be read."),
            TimeSpan.FromSeconds(5)));

        Assert.Equal("The image header cannot be read.", rejection.Message);
    }

    private sealed class Disposable : IDisposable
    {
        public bool IsDisposed { get; private set; }

        public void Dispose() => IsDisposed = true;
    }
}
