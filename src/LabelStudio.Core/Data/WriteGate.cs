namespace LabelStudio.Core.Data;

/// <summary>
/// Queues this process's write transactions one behind the other. SQLite allows one writer at a
/// time, and a writer that finds the file locked sleeps in growing steps (up to 100 ms) before it
/// retries; with twenty annotators saving at once those sleeps, not the writes, made the slowest
/// requests slow. Waiting here instead hands the lock over the moment it is free. Writers in other
/// processes still meet SQLite's busy timeout.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
