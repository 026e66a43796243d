using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// Every garbage collection pause while it listens, from the runtime's own events: when the
/// runtime began suspending threads, when it let them run again, and the generation collected.
/// </summary>
/// <remarks>
/// With allocation sampling on, the runtime also reports about every 100 KB allocated, naming the
/// type of the object that crossed the mark: summed by type, a cheap profile of who allocates.
/// </remarks>
internal sealed class GcPauses(bool sampleAllocations = false) : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;

    private readonly ConcurrentQueue<Pause> _pauses = new();
    private readonly ConcurrentDictionary<string, long> _allocatedByType = new();
    private DateTime _suspendedAt;
    private int _generation = -1;

    public IReadOnlyCollection<Pause> Pauses => _pauses;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == RuntimeSource)
        {
            // Called from the base constructor; the captured flag is already set by then, as field
            // initializers run before it.
            var level = sampleAllocations ? EventLevel.Verbose : EventLevel.Informational;
            EnableEvents(source, level, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspendedAt = e.TimeStamp;
                _generation = -1;
                break;
            case "GCStart_V2" when e.PayloadNames is { } names:
                _generation = Convert.ToInt32(e.Payload![names.IndexOf("Depth")]);
                break;
            case "GCAllocationTick_V4" when sampleAllocations && e.PayloadNames is { } names:
                var type = e.Payload![names.IndexOf("TypeName")] as string ?? "?";
                var bytes = Convert.ToInt64(e.Payload[names.IndexOf("AllocationAmount64")]);
                _allocatedByType.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
                break;
            case "GCRestartEEEnd_V1" when _suspendedAt != default:
                _pauses.Enqueue(new Pause(_suspendedAt, e.TimeStamp - _suspendedAt, _generation));
                _suspendedAt = default;
                break;
        }
    }

    /// <summary>Count, total and largest pause per generation; -1 is a pause with no collection
    /// starting in it (the end of a background collection).</summary>
    public string Describe() => string.Join("; ", _pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key)
        .Select(g =>
        {
            var sorted = g.Select(p => p.Duration.TotalMilliseconds).Order().ToArray();
            var name = g.Key < 0 ? "bgc end" : $"gen{g.Key}";
            return $"{name} {sorted.Length} pauses, {sorted.Sum():0} ms, " +
                $"median {Stats.Median(sorted):0.0}, max {sorted[^1]:0.0} ms";
        }));

    /// <summary>The types that allocation samples named most, with the bytes they stand for.</summary>
    public string DescribeAllocations(int top) => string.Join(Environment.NewLine, _allocatedByType
        .OrderByDescending(pair => pair.Value).Take(top)
        .Select(pair => $"  {pair.Value / 1e6,8:N0} MB  {pair.Key}"));

    internal sealed record Pause(DateTime Start, TimeSpan Duration, int Generation);
}
