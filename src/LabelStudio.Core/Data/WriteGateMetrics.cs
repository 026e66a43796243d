using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LabelStudio.Core.Data;

/// <summary>
/// How long writers waited for the <see cref="WriteGate"/> and held it, in milliseconds, tagged
/// with the lane and the method that wrote. Watch them with `dotnet-counters monitor --counters
/// LabelStudio.WriteGate`; the `serve` benchmark reads them to tell what a slow label save waited
/// behind. Recording costs next to nothing while nobody listens.
/// </summary>
public static class WriteGateMetrics
{
    public const string MeterName = "LabelStudio.WriteGate";
    public const string WaitName = "labelstudio.write_gate.wait";
    public const string HoldName = "labelstudio.write_gate.hold";
    public const string Interactive = "interactive";
    public const string Background = "background";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>(
        WaitName, "ms", "Time a writer waited for its turn at the write gate");

    private static readonly Histogram<double> Hold = Meter.CreateHistogram<double>(
        HoldName, "ms", "Time a writer held the write gate");

    internal static void Record(string lane, string writer, long requestedAt, long grantedAt, long releasedAt)
    {
        if (!Wait.Enabled && !Hold.Enabled)
        {
            return;
        }

        var laneTag = new KeyValuePair<string, object?>("lane", lane);
        var writerTag = new KeyValuePair<string, object?>("writer", writer);
        Wait.Record(Stopwatch.GetElapsedTime(requestedAt, grantedAt).TotalMilliseconds, laneTag, writerTag);
        Hold.Record(Stopwatch.GetElapsedTime(grantedAt, releasedAt).TotalMilliseconds, laneTag, writerTag);
    }
}
