namespace LabelStudio.Benchmarks.App;

/// <summary>
/// The machine's one-minute load average, printed beside each figure: on a shared machine a
/// latency means little without it.
/// </summary>
internal static class LoadAverage
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
