namespace LabelStudio.Core.Media;

/// <summary>
/// Bounds the time of one decode. ImageSharp 2.1.13 has known flaws with crafted images, some of which make a
/// decode run for minutes; the import must not stall on one file. The decode runs on a worker thread with a
/// cancellation token (ImageSharp checks it between rows and markers); at the limit the token is cancelled,
/// the file is rejected, and whatever the abandoned decode still returns is disposed when it ends.
/// </summary>
internal static class DecodeDeadline
{
    public static T Run<T>(Func<CancellationToken, T> decode, TimeSpan limit)
        where T : class, IDisposable
    {
        // Not disposed: an abandoned decode may still read its token after this method returns.
        var stop = new CancellationTokenSource();
        var work = Task.Run(() => decode(stop.Token), CancellationToken.None);
        // Waiting on the handle, not Task.Wait: Task.Wait runs a task that has not started yet inline on
        // this thread, without any limit, which is exactly what happens when the thread pool is busy.
        if (((IAsyncResult)work).AsyncWaitHandle.WaitOne(limit))
        {
            return work.GetAwaiter().GetResult();
        }

        stop.Cancel();
        _ = work.ContinueWith(
            finished => finished.Result.Dispose(),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        throw new MediaRejectedException(
            $"Decoding the image took longer than {limit.TotalSeconds:0.###} s, the limit for one image; " +
            "the file may be crafted to be slow.");
    }
}
