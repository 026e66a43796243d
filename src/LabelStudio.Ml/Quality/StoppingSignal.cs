namespace LabelStudio.Ml;

/// <summary>
/// One model version on the learning curve; kappa compares its sample predictions with the previous
/// version's.
/// </summary>
public sealed record ModelPoint(int Version, int LabelCount, double? Accuracy, double? KappaWithPrevious)
{
    /// <summary>Accuracy on the unlabeled items' hidden ground truth, where the project has one.</summary>
    public double? TruthAccuracy { get; init; }
}

public enum StoppingVerdict
{
    TooEarly,
    KeepLabeling,
    CanStop,
}

public sealed record StoppingAdvice(StoppingVerdict Verdict, string Message);

/// <summary>
/// Says whether more labels are likely to change the model: it has stopped changing when its
/// predictions on a fixed sample of unlabeled items agree with the previous version's (kappa) for
/// several versions running, and its estimated accuracy has levelled off.
/// </summary>
public static class StoppingSignal
{
    /// <summary>Consecutive versions at or above this kappa predict practically the same labels.</summary>
    public const double StableKappa = 0.95;

    /// <summary>How many consecutive version-to-version kappas must be stable.</summary>
    public const int StableRuns = 2;

    /// <summary>The last this many accuracy estimates must lie within <see cref="PlateauSpread"/>.</summary>
    public const int PlateauLength = 3;

    public const double PlateauSpread = 0.02;

    public static StoppingAdvice Evaluate(IReadOnlyList<ModelPoint> versions)
    {
        var needed = Math.Max(StableRuns + 1, PlateauLength);
        if (versions.Count < needed)
        {
            return new StoppingAdvice(StoppingVerdict.TooEarly,
                $"Keep labeling: too early to tell ({versions.Count} of {needed} model versions so far).");
        }

        var recent = versions.TakeLast(StableRuns).Select(v => v.KappaWithPrevious).ToList();
        var stable = recent.All(k => k >= StableKappa);
        var accuracies = versions.TakeLast(PlateauLength).Select(v => v.Accuracy).ToList();
        var plateau = accuracies.All(a => a is not null && !double.IsNaN(a.Value))
            && accuracies.Max()!.Value - accuracies.Min()!.Value <= PlateauSpread;

        return (stable, plateau) switch
        {
            (true, true) => new StoppingAdvice(StoppingVerdict.CanStop,
                "The model has stopped changing: you can probably stop."),
            (false, _) => new StoppingAdvice(StoppingVerdict.KeepLabeling,
                $"Keep labeling: the model still changes its predictions between versions " +
                $"(kappa {Describe(recent[^1])}, stable from {StableKappa:0.00})."),
            _ => new StoppingAdvice(StoppingVerdict.KeepLabeling,
                "Keep labeling: predictions are stable but the estimated accuracy is still moving."),
        };
    }

    private static string Describe(double? kappa) => kappa is { } k ? k.ToString("0.00") : "unknown";
}
