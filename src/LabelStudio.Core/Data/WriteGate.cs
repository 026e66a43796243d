namespace LabelStudio.Core.Data;

/// <summary>
/// Queues this process's write transactions one behind the other. SQLite allows one writer at a
/// time, and a writer that finds the file locked sleeps in growing steps (up to 100 ms) before it
/// retries; with twenty annotators saving at once those sleeps, not the writes, made the slowest
/// requests slow. Waiting here instead hands the lock over the moment it is free. Writers in other
/// processes still meet SQLite's busy timeout.
/// </summary>
/// <remarks>
/// Interactive writers (a lease, a label) go before background ones (a queue generation written
/// chunk by chunk): a person waiting on a key press then waits behind at most one chunk, never
/// behind a backlog of them. Background work still moves, because interactive writes are short and
/// arrive with gaps between them.
/// </remarks>
public sealed class WriteGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _interactive = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _background = new();
    private bool _held;

    /// <summary>Waits for the write turn of a request someone is waiting on.</summary>
    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken) =>
        EnterAsync(_interactive, cancellationToken);

    /// <summary>Waits for a write turn that yields to every waiting interactive writer.</summary>
    public Task<IDisposable> EnterBackgroundAsync(CancellationToken cancellationToken) =>
        EnterAsync(_background, cancellationToken);

    private Task<IDisposable> EnterAsync(
        Queue<TaskCompletionSource<IDisposable>> queue, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<IDisposable> waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.FromResult<IDisposable>(new Turn(this));
            }

            // Continuations run on the pool, so the releasing writer never runs the next one's work.
            waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Enqueue(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled waiter stays queued but completed; the hand-over below skips it.
            var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            waiter.Task.ContinueWith(
                _ => registration.Dispose(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return waiter.Task;
    }

    private void HandOver()
    {
        lock (_lock)
        {
            while (_interactive.TryDequeue(out var next) || _background.TryDequeue(out next))
            {
                if (next.TrySetResult(new Turn(this)))
                {
                    return;
                }
            }
            _held = false;
        }
    }

    private sealed class Turn(WriteGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.HandOver();
            }
        }
    }
}
