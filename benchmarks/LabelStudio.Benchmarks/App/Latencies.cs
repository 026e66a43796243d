using System.Collections.Concurrent;
using System.Diagnostics;

namespace LabelStudio.Benchmarks.App;

/// <summary>Request latencies in milliseconds, recorded from many tasks at once.</summary>
internal sealed class Latencies(string name)
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> request)
    {
        var clock = Stopwatch.StartNew();
        var result = await request();
        _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        return result;
    }

    public void Record(double milliseconds) => _milliseconds.Add(milliseconds);

    public string Describe()
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return $"{name}: no samples";
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return $"{name,-28} n={sorted.Length,6}  p50 {At(0.5),6:0.0} ms  p95 {At(0.95),6:0.0} ms  " +
            $"p99 {At(0.99),6:0.0} ms  max {sorted[^1],7:0.0} ms";
    }
}
