using System.Collections.Concurrent;

namespace LabelStudio.Core.Projects;

/// <summary>
/// Tells the open pages of a project, in this process, that something they show has changed: labels,
/// reviews, model versions, members, settings. Writes are reported by <see cref="Data.ProjectChangeInterceptor"/>
/// after they commit; writes by another process are found by the pages' own slow polls.
/// </summary>
public sealed class ProjectChangeNotifier
{
    private readonly ConcurrentDictionary<int, Listeners> _listeners = new();

    /// <summary>Calls <paramref name="changed"/> after each committed change to the project until disposed.</summary>
    /// <remarks>Callbacks run on the writer's thread, so they must only signal, never do work.</remarks>
    public IDisposable Subscribe(int projectId, Action changed)
    {
        _listeners.AddOrUpdate(projectId, _ => new([changed]), (_, list) => list.With(changed));
        return new Subscription(this, projectId, changed);
    }

    public void Notify(int projectId)
    {
        if (!_listeners.TryGetValue(projectId, out var list))
        {
            return;
        }

        foreach (var listener in list.Items)
        {
            listener();
        }
    }

    /// <summary>How many listeners the project has; for tests and diagnostics.</summary>
    public int ListenerCount(int projectId) =>
        _listeners.TryGetValue(projectId, out var list) ? list.Items.Length : 0;

    private void Unsubscribe(int projectId, Action changed)
    {
        while (_listeners.TryGetValue(projectId, out var list))
        {
            var rest = list.Without(changed);
            var done = rest.Items.Length == 0
                ? _listeners.TryRemove(new KeyValuePair<int, Listeners>(projectId, list))
                : _listeners.TryUpdate(projectId, rest, list);
            if (done)
            {
                return;
            }
        }
    }

    /// <summary>Copy on write: a notification walks a list that subscribing never changes under it.</summary>
    private sealed record Listeners(Action[] Items)
    {
        public Listeners With(Action listener) => new([.. Items, listener]);

        public Listeners Without(Action listener) =>
            new([.. Items.Where(l => !ReferenceEquals(l, listener))]);
    }

    private sealed class Subscription(ProjectChangeNotifier owner, int projectId, Action changed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(projectId, changed);
            }
        }
    }
}
