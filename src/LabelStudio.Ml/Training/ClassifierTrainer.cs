using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LabelStudio.Ml;

/// <summary>Trains multiclass logistic regression (ML.NET L-BFGS maximum entropy) on labeled rows.</summary>
public sealed class ClassifierTrainer(TrainerOptions options)
{
    public ClassifierTrainer()
        : this(TrainerOptions.Default)
    {
    }

    public TrainerOptions Options { get; } = options;

    /// <param name="previous">Optional model of the last round: its weights seed the optimizer when allowed.</param>
    public Classifier Train(LabeledSet set, CancellationToken ct, Classifier? previous = null)
    {
        set.Validate();
        ct.ThrowIfCancellationRequested();

        // 1. Classes: the present ones, ascending, become ML.NET keys so score slot j is presentClasses[j].
        var presentClasses = set.Labels.Distinct().Order().ToArray();
        if (presentClasses.Length == 1)
        {
            return Classifier.SingleClass(set.ClassCount, set.Dimensions, presentClasses[0]);
        }

        var keyOfClass = new uint[set.ClassCount];
        for (var slot = 0; slot < presentClasses.Length; slot++)
        {
            keyOfClass[presentClasses[slot]] = (uint)slot;
        }

        // 2. Load: the rows as an IDataView with the feature length and key count fixed at run time.
        // ML.NET exposes no public way to stop a running Fit, so cancellation is checked between
        // steps; MaximumIterations bounds how long one Fit can run.
        var ml = new MLContext(seed: Options.Seed);
        var keys = set.Labels.Select(label => keyOfClass[label]).ToArray();
        var data = FeatureData.ForTraining(ml, set.Features, keys, presentClasses.Length);

        // 3. Trainer: no L1 (dense pixels or one-hots gain nothing from it and OWL-QN is slower).
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = FeatureData.Label,
                FeatureColumnName = FeatureData.Features,
                L1Regularization = 0f,
                L2Regularization = Options.L2Regularization,
                OptimizationTolerance = Options.OptimizationTolerance,
                HistorySize = Options.HistorySize,
                MaximumNumberOfIterations = Options.MaximumIterations,
                NumberOfThreads = Options.Threads,
                DenseOptimizer = true,
            });

        // 4. Fit, from the previous weights when they describe the same classes and features.
        var warmStart = Options.WarmStart ? previous?.WarmStartFor(presentClasses, set.Dimensions) : null;
        var model = warmStart is null ? trainer.Fit(data) : trainer.Fit(data, warmStart);

        ct.ThrowIfCancellationRequested();
        return new Classifier(ml, model, set.ClassCount, set.Dimensions, presentClasses);
    }
}
