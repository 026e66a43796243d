using LabelStudio.Ml.Images;

namespace LabelStudio.Ml;

/// <summary>
/// Settings of the L-BFGS maximum-entropy trainer. The defaults come from the al-round benchmark
/// (docs/ml-engine.md): same L2 as scikit-learn's C = 1, a looser tolerance and an iteration cap
/// because test accuracy stops improving long before the optimizer stops.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>L2 weight on the summed loss; 1 matches scikit-learn's LogisticRegression(C=1).</summary>
    public float L2Regularization { get; init; } = 1f;

    /// <summary>Mean relative objective improvement over 5 iterations below which training stops.</summary>
    public float OptimizationTolerance { get; init; } = 1e-4f;

    public int HistorySize { get; init; } = 20;

    public int MaximumIterations { get; init; } = 200;

    /// <summary>Null lets ML.NET use every core.</summary>
    public int? Threads { get; init; }

    /// <summary>Start from the previous model's weights when it was trained on the same classes.</summary>
    public bool WarmStart { get; init; } = true;

    public int Seed { get; init; }

    public static TrainerOptions Default { get; } = new();

    /// <summary>
    /// L2 weight for ResNet18 embeddings (scaled to length √512). Their 512 features are strongly correlated, so
    /// the table default of 1 under-regularizes them: on Fashion-MNIST a sweep of 0.25 to 512 (3 seeds) peaked
    /// between 4 and 64 for both margin and random at every label count past the first few dozen.
    /// </summary>
    public const float ResNetEmbeddingL2 = 16f;

    /// <summary>The defaults for vectors made by this image embedder (null: table or audio features).</summary>
    public static TrainerOptions ForEmbedder(string? embedder) => embedder == ImageEmbedderNames.ResNet18
        ? Default with { L2Regularization = ResNetEmbeddingL2 }
        : Default;
}
