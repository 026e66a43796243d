namespace LabelStudio.Ml;

/// <summary>
/// Estimated accuracy of a model trained on all current labels; NaN when it cannot be estimated yet.
/// <paramref name="Confusion"/> counts the held-out predictions as [actual class][predicted class].
/// </summary>
public sealed record AccuracyEstimate(double Accuracy, string Method, int LabelCount, int[][] Confusion)
{
    /// <summary>How often the held-out predictions were right by their confidence; null when none were made.</summary>
    public ConfidenceCalibration? Calibration { get; init; }
}
