namespace LabelStudio.Ml.Simulation;

/// <summary>One simulation: every strategy is replayed once per seed with these settings.</summary>
public sealed record SimulationOptions
{
    /// <summary>
    /// A new project's round size (Project.RoundSize): the first model and each retrain come after it.
    /// </summary>
    public const int AppRoundSize = 20;

    public IReadOnlyList<QueryStrategy> Strategies { get; init; } = [QueryStrategy.Random, QueryStrategy.Margin];

    /// <summary>
    /// Labels asked before the first model: the head of the cold-start spread, as the app's queue
    /// serves it (DiverseSampler).
    /// </summary>
    public int SeedSize { get; init; } = AppRoundSize;

    /// <summary>Rows in the cold-start spread the seed set is taken from, as the app's (ColdStartSpread).</summary>
    public int ColdStartSpread { get; init; } = 50;

    /// <summary>Labels revealed per round; the app retrains after every round of this many labels.</summary>
    public int BatchSize { get; init; } = AppRoundSize;

    /// <summary>Query rounds; a run's curve has Rounds + 1 points (the seed set is the first).</summary>
    public int Rounds { get; init; } = 20;

    /// <summary>Share of rows held out, per class, to measure accuracy; never queried.</summary>
    public double TestFraction { get; init; } = 0.25;

    public IReadOnlyList<int> Seeds { get; init; } = [0];

    /// <summary>Spread each batch over feature space (PoolRanker.Diversify); ignored by Random.</summary>
    public bool Diversity { get; init; }

    public TrainerOptions Trainer { get; init; } = TrainerOptions.Default;
}
