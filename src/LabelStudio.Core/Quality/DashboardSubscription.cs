namespace LabelStudio.Core.Quality;

/// <summary>
/// An open dashboard's link to <see cref="DashboardFeed"/>: the snapshot to show first; dispose to
/// stop updates.
/// </summary>
public sealed class DashboardSubscription(Action leave) : IDisposable
{
    private int _disposed;

    public DashboardSnapshot Snapshot { get; internal set; } = default!;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            leave();
        }
    }
}
