namespace LabelStudio.Core.Projects;

/// <summary>
/// A page's light listener: after a change to its project, waits <c>delay</c> so a burst of changes
/// becomes one call, then calls back once; the call never overlaps the previous one.
/// </summary>
public sealed class CoalescedChanges : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable _subscription;
    private readonly TimeSpan _delay;
    private readonly Func<CancellationToken, Task> _onChanged;
    private int _pending;

    public CoalescedChanges(
        ProjectChangeNotifier notifier, int projectId, TimeSpan delay, Func<CancellationToken, Task> onChanged)
    {
        _delay = delay;
        _onChanged = onChanged;
        _subscription = notifier.Subscribe(projectId, () => _ = CallSoonAsync());
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _stop.Cancel();
    }

    private async Task CallSoonAsync()
    {
        // Changes arriving while a call is pending are covered by it.
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        try
        {
            await Task.Delay(_delay, _stop.Token);
            Volatile.Write(ref _pending, 0);
            await _onChanged(_stop.Token);
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // The page closed while waiting or refreshing: whatever the refresh met no longer matters.
        }
    }
}
