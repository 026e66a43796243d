using System.Diagnostics;
using System.Globalization;

namespace LabelStudio.Benchmarks;

/// <summary>Runs the scikit-learn reference (al_bench.py --mode timing) and reads its CSV.</summary>
internal static class ReferenceBench
{
    public sealed record Result(double[] RefitSeconds, double[] RankSeconds, double[] Accuracies);

    public static Result Run(string script, int labels, int poolSize, string strategy, int repeats)
    {
        var path = Path.GetFullPath(script);
        var arguments = string.Join(' ',
            $"\"{path}\" --mode timing --dataset fashion-mnist --strategy {strategy}",
            $"--timing-labels {labels} --timing-pools {poolSize} --timing-model-labels {labels}",
            $"--repeats {repeats}");
        var start = new ProcessStartInfo("/usr/bin/python3", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Reference failed ({process.ExitCode}): {stderr.Result}");
        }

        // CSV columns: kind,size,rep,seconds,n_iter,accuracy,strategy
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
        return new Result(
            rows.Where(r => r[0] == "refit").Select(r => Number(r[3])).ToArray(),
            rows.Where(r => r[0] == "rank").Select(r => Number(r[3])).ToArray(),
            rows.Where(r => r[0] == "refit").Select(r => Number(r[5])).ToArray());
    }
}
