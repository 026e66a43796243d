namespace LabelStudio.Ml.Simulation;

/// <summary>Mean accuracy of a strategy's runs at each label count.</summary>
public sealed record StrategyCurve(QueryStrategy Strategy, IReadOnlyList<CurvePoint> MeanCurve)
{
    /// <summary>Area under the learning curve as the mean accuracy over its points.</summary>
    public double MeanAccuracy => MeanCurve.Count == 0 ? double.NaN : MeanCurve.Average(p => p.Accuracy);
}

/// <summary>
/// Labels a strategy needed to first reach a target accuracy, averaged over the runs that reached it.
/// </summary>
public sealed record LabelsToTarget(
    QueryStrategy Strategy, double Target, double? MeanLabels, int RunsReached, int Runs);

public static class SimulationSummary
{
    public static IReadOnlyList<StrategyCurve> MeanCurves(SimulationResult result) =>
        result.Runs
            .GroupBy(run => run.Strategy)
            .Select(group => new StrategyCurve(
                group.Key,
                group.SelectMany(run => run.Curve)
                    .GroupBy(point => point.Labels)
                    .OrderBy(points => points.Key)
                    .Select(points => new CurvePoint(points.Key, points.Average(p => p.Accuracy)))
                    .ToArray()))
            .ToArray();

    /// <param name="fullAccuracy">Accuracy of the full-pool model (ActiveLearningSimulation.FullPoolAccuracy).</param>
    /// <param name="fraction">For example 0.95 for "95% of the full-pool accuracy".</param>
    public static IReadOnlyList<LabelsToTarget> LabelsToReach(
        SimulationResult result, double fullAccuracy, double fraction)
    {
        var target = fullAccuracy * fraction;
        return result.Runs
            .GroupBy(run => run.Strategy)
            .Select(group =>
            {
                var reached = group
                    .Select(run => run.Curve.FirstOrDefault(p => p.Accuracy >= target))
                    .OfType<CurvePoint>()
                    .ToArray();
                double? mean = reached.Length == 0 ? null : reached.Average(p => p.Labels);
                return new LabelsToTarget(group.Key, target, mean, reached.Length, group.Count());
            })
            .ToArray();
    }

    /// <summary>
    /// A strategy's labels to the target over the baseline's, or null unless every run of both got there:
    /// a mean over only the runs that reached the target would flatter the slower strategy.
    /// </summary>
    public static double? LabelShare(
        IReadOnlyList<LabelsToTarget> targets, QueryStrategy strategy, QueryStrategy baseline)
    {
        var mine = targets.FirstOrDefault(t => t.Strategy == strategy);
        var theirs = targets.FirstOrDefault(t => t.Strategy == baseline);
        return mine is { MeanLabels: { } labels } && theirs is { MeanLabels: { } baselineLabels }
            && mine.RunsReached == mine.Runs && theirs.RunsReached == theirs.Runs
            ? labels / baselineLabels
            : null;
    }
}
