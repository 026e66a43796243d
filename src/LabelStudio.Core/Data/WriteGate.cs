using System.Diagnostics;
using System.Runtime.CompilerServices;

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
/// arrive with gaps between them. Each turn's wait and hold are published as
/// <see cref="WriteGateMetrics"/>, tagged with the lane and the writing method.
/// </remarks>
public sealed class WriteGate
{
    private readonly Lock _lock = new();
    private readonly Queue<Waiter> _interactive = new();
    private readonly Queue<Waiter> _background = new();
    private bool _held;

    /// <summary>Waits for the write turn of a request someone is waiting on.</summary>
    public Task<IDisposable> EnterAsync(
        CancellationToken cancellationToken, [CallerMemberName] string writer = "") =>
        EnterAsync(_interactive, WriteGateMetrics.Interactive, writer, cancellationToken);

    /// <summary>Waits for a write turn that yields to every waiting interactive writer.</summary>
    public Task<IDisposable> EnterBackgroundAsync(
        CancellationToken cancellationToken, [CallerMemberName] string writer = "") =>
        EnterAsync(_background, WriteGateMetrics.Background, writer, cancellationToken);

    private Task<IDisposable> EnterAsync(
        Queue<Waiter> queue, string lane, string writer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var requestedAt = Stopwatch.GetTimestamp();
        TaskCompletionSource<IDisposable> waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.FromResult<IDisposable>(new Turn(this, lane, writer, requestedAt));
            }

            // Continuations run on the pool, so the releasing writer never runs the next one's work.
            waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Enqueue(new Waiter(waiter, lane, writer, requestedAt));
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
                if (next.Completion.TrySetResult(new Turn(this, next.Lane, next.Writer, next.RequestedAt)))
                {
                    return;
                }
            }
            _held = false;
        }
    }

    private sealed record Waiter(
        TaskCompletionSource<IDisposable> Completion, string Lane, string Writer, long RequestedAt);

    private sealed class Turn(WriteGate gate, string lane, string writer, long requestedAt) : IDisposable
    {
        private readonly long _grantedAt = Stopwatch.GetTimestamp();
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.HandOver();
                // Recorded by the writer's own flow, so a listener can tell whose turn it was.
                WriteGateMetrics.Record(lane, writer, requestedAt, _grantedAt, Stopwatch.GetTimestamp());
            }
        }
    }
}
