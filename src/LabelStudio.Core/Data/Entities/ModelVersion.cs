namespace LabelStudio.Core.Data.Entities;

/// <summary>A trained model and the ranking it produced, numbered per project from 1.</summary>
public sealed class ModelVersion
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int LabelCount { get; set; }
    public double? EstimatedAccuracy { get; set; }
    public string AccuracyMethod { get; set; } = "";
    /// <summary>
    /// Accuracy on the unlabeled items' hidden ground truth (imported "to measure the model"), and on how
    /// many; null when no unlabeled item carries one. Never shown to annotators, never trained on.
    /// </summary>
    public double? TruthAccuracy { get; set; }

    public int TruthItemCount { get; set; }

    public double TrainSeconds { get; set; }
    public double ScoreSeconds { get; set; }

    /// <summary>
    /// Counts[actual][predicted] from the accuracy estimate's held-out predictions, as JSON; null when
    /// accuracy could not be estimated.
    /// </summary>
    public string? ConfusionJson { get; set; }

    /// <summary>The predicted class index per item of the stopping sample, as a JSON object.</summary>
    public string? SamplePredictionsJson { get; set; }

    /// <summary>File name of the saved model under the data directory's models folder.</summary>
    public string ModelFile { get; set; } = "";
}
