using System.Diagnostics;
using LabelStudio.Ml;
using LabelStudio.Ml.Simulation;
using static System.FormattableString;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// Writes a line per finished run. The simulation reports rounds, not run ends (a run may stop
/// early when the pool runs dry), so a run is known finished when the next one reports or when
/// <see cref="Finish"/> is called. Reports arrive on the simulating thread, in order.
/// </summary>
internal sealed class RunProgress(TextWriter error, int runCount) : IProgress<SimulationProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private SimulationProgress? _last;
    private TimeSpan _lastAt;
    private TimeSpan _runStartedAt;
    private int _finished;

    public void Report(SimulationProgress value)
    {
        if (_last is { } last && (last.Strategy != value.Strategy || last.Seed != value.Seed))
        {
            WriteFinished(last);
        }

        _last = value;
        _lastAt = _clock.Elapsed;
    }

    public void Finish()
    {
        if (_last is { } last)
        {
            WriteFinished(last);
            _last = null;
        }
    }

    /// <summary>A run lasts from the previous run's last report to its own last report.</summary>
    private void WriteFinished(SimulationProgress run)
    {
        _finished++;
        var name = QueryStrategyNames.ToName(run.Strategy);
        var seconds = (_lastAt - _runStartedAt).TotalSeconds;
        _runStartedAt = _lastAt;
        var (labels, accuracy) = (run.Point.Labels, run.Point.Accuracy);
        error.WriteLine(Invariant(
            $"run {_finished}/{runCount}: {name}, seed {run.Seed}: {accuracy:F3} at {labels} labels ({seconds:F1} s)"));
    }
}
