using System.Diagnostics;
using System.Threading.Channels;

namespace LabelStudio.Core.Quality;

public sealed partial class DashboardFeed
{
    /// <summary>One project's open dashboards, and the loop that rebuilds their snapshot while any is open.</summary>
    private sealed class DashboardWatch(DashboardFeed feed, int projectId)
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource<DashboardSnapshot> _first =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private readonly List<Func<DashboardSnapshot, Task>> _subscribers = [];
        private IDisposable? _notifications;
        private volatile DashboardSnapshot? _latest;

        public int ProjectId => projectId;

        public void Start()
        {
            // Only a signal: the writer's thread must not wait for a build.
            _notifications = feed.OnChange(projectId, () => _changed.Writer.TryWrite(true));
            _ = Task.Run(RunAsync);
        }

        public void Stop()
        {
            _notifications?.Dispose();
            _stop.Cancel();
            _first.TrySetCanceled();
        }

        public void Add(Func<DashboardSnapshot, Task> subscriber)
        {
            lock (_subscribers)
            {
                _subscribers.Add(subscriber);
            }
        }

        public int Count
        {
            get
            {
                lock (_subscribers)
                {
                    return _subscribers.Count;
                }
            }
        }

        /// <summary>Removes the subscriber; returns how many remain.</summary>
        public int Remove(Func<DashboardSnapshot, Task> subscriber)
        {
            lock (_subscribers)
            {
                _subscribers.Remove(subscriber);
                return _subscribers.Count;
            }
        }

        public Task<DashboardSnapshot> CurrentAsync(CancellationToken cancellationToken) =>
            _latest is { } latest ? Task.FromResult(latest) : _first.Task.WaitAsync(cancellationToken);

        private async Task RunAsync()
        {
            var token = _stop.Token;
            var options = feed.Options;
            var version = default(ProjectVersion);
            var nextBuild = TimeSpan.Zero;
            var first = true;
            var clock = Stopwatch.StartNew();
            try
            {
                var changed = true;
                while (!token.IsCancellationRequested)
                {
                    if (changed)
                    {
                        // Coalesce: the changes that arrive while waiting are covered by this one build.
                        var wait = Max(options.Settle, nextBuild - clock.Elapsed);
                        await Task.Delay(first ? TimeSpan.Zero : wait, token);
                        first = false;
                        _changed.Reader.TryRead(out _);

                        var started = clock.Elapsed;
                        version = await BuildAndPublishAsync(version, token);
                        var took = clock.Elapsed - started;
                        nextBuild = clock.Elapsed + Max(options.MinInterval, took * options.BuildTimeMultiple);
                    }
                    changed = await WaitForChangeAsync(version, options.PollEvery, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The last dashboard of the project was closed.
            }
        }

        private async Task<ProjectVersion> BuildAndPublishAsync(ProjectVersion version, CancellationToken token)
        {
            var timer = Stopwatch.StartNew();
            try
            {
                var (snapshot, now) = await feed.BuildAsync(projectId, token);
                feed.LogBuilt(projectId, timer.ElapsedMilliseconds);
                _latest = snapshot;
                _first.TrySetResult(snapshot);
                Publish(snapshot);
                return now;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                feed.LogBuildFailed(exception, projectId);
                _first.TrySetException(exception);
                return version;
            }
        }

        private void Publish(DashboardSnapshot snapshot)
        {
            Func<DashboardSnapshot, Task>[] subscribers;
            lock (_subscribers)
            {
                subscribers = [.. _subscribers];
            }

            foreach (var subscriber in subscribers)
            {
                _ = DeliverAsync(subscriber, snapshot);
            }
        }

        private async Task DeliverAsync(Func<DashboardSnapshot, Task> subscriber, DashboardSnapshot snapshot)
        {
            try
            {
                await subscriber(snapshot);
            }
            catch (Exception exception)
            {
                feed.LogDeliveryFailed(exception, projectId);
            }
        }

        /// <summary>
        /// True when this process signals a change, or when the poll finds the project's stamp moved
        /// (another process wrote); an unchanged stamp costs only its three index counts.
        /// </summary>
        private async Task<bool> WaitForChangeAsync(ProjectVersion built, TimeSpan poll, CancellationToken token)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(poll);
            try
            {
                return await _changed.Reader.WaitToReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                return await VersionMovedAsync(built, token);
            }
        }

        private async Task<bool> VersionMovedAsync(ProjectVersion built, CancellationToken token)
        {
            try
            {
                return await feed.ReadVersionAsync(projectId, token) != built;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                feed.LogBuildFailed(exception, projectId);
                return false;
            }
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
