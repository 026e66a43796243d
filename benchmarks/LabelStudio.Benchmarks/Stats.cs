namespace LabelStudio.Benchmarks;

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double Seconds(Action action)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}
