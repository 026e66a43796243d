namespace LabelStudio.Ml;

/// <summary>Estimated accuracy of a model trained on all current labels; NaN when it cannot be estimated yet.</summary>
public sealed record AccuracyEstimate(double Accuracy, string Method, int LabelCount);
