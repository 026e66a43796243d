using LabelStudio.Core.Data;

namespace LabelStudio.Core.Tests.Data;

public sealed class WriteGateTests
{
    [Fact]
    public async Task InteractiveWriterGoesBeforeABackgroundWriterThatQueuedEarlier()
    {
        var gate = new WriteGate();
        var held = await gate.EnterAsync(CancellationToken.None);
        var order = new List<string>();
        var background = Record(gate.EnterBackgroundAsync(CancellationToken.None), "background", order);
        var interactive = Record(gate.EnterAsync(CancellationToken.None), "interactive", order);

        held.Dispose();
        await Task.WhenAll(background, interactive);

        Assert.Equal(["interactive", "background"], order);
    }

    [Fact]
    public async Task CancelledWaiterIsSkippedAndTheNextOneEnters()
    {
        var gate = new WriteGate();
        var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(cancel.Token);
        var next = gate.EnterBackgroundAsync(CancellationToken.None);

        await cancel.CancelAsync();
        held.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        using var turn = await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OnlyOneWriterHoldsTheGateAtATime()
    {
        var gate = new WriteGate();
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            using var turn = i % 2 == 0
                ? await gate.EnterAsync(CancellationToken.None)
                : await gate.EnterBackgroundAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        })));

        Assert.Equal(1, most);
    }

    private static async Task Record(Task<IDisposable> entering, string name, List<string> order)
    {
        using var turn = await entering;
        lock (order)
        {
            order.Add(name);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var before && before != seen)
        {
            seen = before;
        }
    }
}
