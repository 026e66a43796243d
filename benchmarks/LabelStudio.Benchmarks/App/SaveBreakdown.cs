using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LabelStudio.Core.Data;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// Where each label save's time went: waiting for the write gate, inside its write transaction,
/// outside the gate (the reads before it, the retrain check after it) and garbage collection pauses
/// that fell within it. The gate's metrics are recorded by the writer's own async flow, so an
/// async-local probe tells a save's turns from everyone else's; other writers' turns are kept as
/// intervals, to name what the slowest saves waited behind.
/// </summary>
internal sealed class SaveBreakdown : IDisposable
{
    private static readonly AsyncLocal<Probe?> Current = new();

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<OtherTurn> _others = new();
    private readonly ConcurrentQueue<Probe> _saves = new();
    private readonly GcPauses _gc;
    private readonly bool _sampleAllocations;

    public SaveBreakdown(bool sampleAllocations)
    {
        _sampleAllocations = sampleAllocations;
        _gc = new GcPauses(sampleAllocations);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WriteGateMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public async Task<T> TimeAsync<T>(Func<Task<T>> save)
    {
        var probe = new Probe(Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration());
        Current.Value = probe;
        try
        {
            return await save();
        }
        finally
        {
            probe.EndedAt = Stopwatch.GetTimestamp();
            probe.GcPaused = (GC.GetTotalPauseDuration() - probe.PausedBefore).TotalMilliseconds;
            _saves.Enqueue(probe);
        }
    }

    private void OnMeasurement(
        Instrument instrument, double milliseconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var now = Stopwatch.GetTimestamp();
        var lane = "";
        var writer = "";
        foreach (var tag in tags)
        {
            if (tag.Key == "lane")
            {
                lane = (string)tag.Value!;
            }
            else if (tag.Key == "writer")
            {
                writer = (string)tag.Value!;
            }
        }

        var probe = Current.Value;
        var isWait = instrument.Name == WriteGateMetrics.WaitName;
        if (probe is not null)
        {
            // The hold is recorded after the wait, both at the turn's end.
            if (isWait)
            {
                probe.Waited += milliseconds;
                probe.LastWait = milliseconds;
            }
            else
            {
                probe.Held += milliseconds;
                probe.LastGrantedAt = now - Ticks(milliseconds);
            }
            return;
        }

        if (!isWait)
        {
            _others.Enqueue(new OtherTurn($"{lane} {writer}", now - Ticks(milliseconds), now));
        }
    }

    public string Describe()
    {
        var saves = _saves.ToArray();
        var lines = saves.Length == 0 ? ["save breakdown: no saves"] : DescribeSaves(saves);
        lines.Add($"GC pauses: {_gc.Describe()}");
        if (_sampleAllocations)
        {
            lines.Add("allocations by type (sampled):");
            lines.Add(_gc.DescribeAllocations(top: 20));
        }
        return string.Join(Environment.NewLine, lines);
    }

    private List<string> DescribeSaves(Probe[] saves)
    {
        var lines = new List<string>
        {
            "save breakdown, ms (p50 / p95 / p99):",
            Row("  total", saves.Select(s => s.Total)),
            Row("  outside the gate", saves.Select(s => s.Outside)),
            Row("  waiting for the gate", saves.Select(s => s.Waited)),
            Row("  inside the transaction", saves.Select(s => s.Held)),
            Row("  GC pauses within", saves.Select(s => s.GcPaused)),
        };
        var threshold = saves.Select(s => s.Total).Order().ElementAt((int)(0.95 * saves.Length));
        var slow = saves.Where(s => s.Total >= threshold).ToArray();
        var slowTime = slow.Sum(s => s.Total);
        lines.Add($"slowest 5% ({slow.Length} saves ≥ {threshold:0.0} ms), share of their time: " +
            $"outside the gate {slow.Sum(s => s.Outside) / slowTime:P0}, " +
            $"waiting {slow.Sum(s => s.Waited) / slowTime:P0}, " +
            $"in the transaction {slow.Sum(s => s.Held) / slowTime:P0}; " +
            $"GC pauses, wherever they fell, {slow.Sum(s => s.GcPaused) / slowTime:P0}");
        lines.Add($"  overlapping a GC pause ≥ 1 ms: {Share(slow, s => s.GcPaused >= 1)}; " +
            $"all saves: {Share(saves, s => s.GcPaused >= 1)}");
        lines.Add($"  waited ≥ 1 ms for the gate: {Share(slow, s => s.Waited >= 1)}; " +
            $"all saves: {Share(saves, s => s.Waited >= 1)}");
        var behind = slow.Where(s => s.LastWait >= 1).SelectMany(WaitedBehind)
            .GroupBy(name => name).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {g.Count()}");
        lines.Add($"  turns held while a slow save waited: {string.Join(", ", behind)}");
        return lines;
    }

    private IEnumerable<string> WaitedBehind(Probe save)
    {
        var requestedAt = save.LastGrantedAt - Ticks(save.LastWait);
        return _others.Where(t => t.ReleasedAt > requestedAt && t.GrantedAt < save.LastGrantedAt)
            .Select(t => t.Writer).Distinct();
    }

    private static string Share(Probe[] saves, Func<Probe, bool> test) =>
        $"{saves.Count(test)} of {saves.Length} ({saves.Count(test) / (double)saves.Length:P0})";

    private static string Row(string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return $"{name,-26} {At(0.5),6:0.0} {At(0.95),6:0.0} {At(0.99),6:0.0}";
    }

    private static long Ticks(double milliseconds) => (long)(milliseconds * Stopwatch.Frequency / 1000);

    public void Dispose()
    {
        _listener.Dispose();
        _gc.Dispose();
    }

    private sealed record OtherTurn(string Writer, long GrantedAt, long ReleasedAt);

    private sealed class Probe(long startedAt, TimeSpan pausedBefore)
    {
        public TimeSpan PausedBefore { get; } = pausedBefore;
        public long EndedAt { get; set; }
        public double Waited { get; set; }
        public double LastWait { get; set; }
        public long LastGrantedAt { get; set; }
        public double Held { get; set; }
        public double GcPaused { get; set; }
        public double Total => Stopwatch.GetElapsedTime(startedAt, EndedAt).TotalMilliseconds;
        public double Outside => Total - Waited - Held;
    }
}
