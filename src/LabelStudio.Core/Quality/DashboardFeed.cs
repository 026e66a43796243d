using LabelStudio.Core.Data;
using LabelStudio.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Quality;

/// <summary>
/// Keeps the open dashboards of each project up to date by push: one watch per project with open
/// dashboards builds the snapshot once for all of them, soon after a change is committed, at most
/// once per <see cref="DashboardFeedOptions.MinInterval"/> however many annotators are labeling,
/// and polls the project's cheap <see cref="ProjectVersion"/> for writes from other processes.
/// </summary>
public sealed partial class DashboardFeed(
    DashboardService dashboards,
    ProjectChangeNotifier notifier,
    IDbContextFactory<AppDbContext> contexts,
    IOptions<DashboardFeedOptions> options,
    ILogger<DashboardFeed> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, DashboardWatch> _watches = [];

    /// <summary>Builds since start, for tests and diagnostics.</summary>
    public int Builds => _builds;

    private int _builds;

    /// <summary>
    /// Returns the project's current snapshot (shared with any other open dashboard of the project)
    /// and calls <paramref name="onSnapshot"/> with each new one until the subscription is disposed.
    /// </summary>
    public async Task<DashboardSubscription> SubscribeAsync(
        int projectId, Func<DashboardSnapshot, Task> onSnapshot, CancellationToken cancellationToken)
    {
        DashboardWatch watch;
        lock (_lock)
        {
            if (!_watches.TryGetValue(projectId, out watch!))
            {
                watch = new DashboardWatch(this, projectId);
                _watches[projectId] = watch;
                watch.Start();
            }
            watch.Add(onSnapshot);
        }

        var subscription = new DashboardSubscription(() => Leave(watch, onSnapshot));
        try
        {
            subscription.Snapshot = await watch.CurrentAsync(cancellationToken);
            return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var watch in _watches.Values)
            {
                watch.Stop();
            }
            _watches.Clear();
        }
    }

    private void Leave(DashboardWatch watch, Func<DashboardSnapshot, Task> onSnapshot)
    {
        if (watch.Remove(onSnapshot) == 0)
        {
            _ = StopWhenUnusedAsync(watch);
        }
    }

    /// <summary>
    /// A watch outlives its last dashboard briefly: a page that was prerendered opens again at once as
    /// an interactive one, and a lead going back and forth should not pay a build each time.
    /// </summary>
    private async Task StopWhenUnusedAsync(DashboardWatch watch)
    {
        await Task.Delay(Options.KeepAfterClose);
        lock (_lock)
        {
            if (watch.Count == 0 && _watches.GetValueOrDefault(watch.ProjectId) == watch)
            {
                _watches.Remove(watch.ProjectId);
                watch.Stop();
            }
        }
    }

    private DashboardFeedOptions Options => options.Value;

    private IDisposable OnChange(int projectId, Action changed) => notifier.Subscribe(projectId, changed);

    private async Task<(DashboardSnapshot Snapshot, ProjectVersion Version)> BuildAsync(
        int projectId, CancellationToken cancellationToken)
    {
        // The stamp is read first: a change committed during the build moves it, and is built next time.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await ProjectVersion.ReadAsync(db, projectId, cancellationToken);
        var snapshot = await dashboards.BuildAsync(projectId, cancellationToken);
        Interlocked.Increment(ref _builds);
        return (snapshot, version);
    }

    private async Task<ProjectVersion> ReadVersionAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ProjectVersion.ReadAsync(db, projectId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard of project {ProjectId} could not be rebuilt")]
    private partial void LogBuildFailed(Exception exception, int projectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dashboard of project {ProjectId} refused an update")]
    private partial void LogDeliveryFailed(Exception exception, int projectId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dashboard of project {ProjectId} rebuilt in {Milliseconds} ms")]
    private partial void LogBuilt(int projectId, long milliseconds);
}
