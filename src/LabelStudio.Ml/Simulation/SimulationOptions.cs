namespace LabelStudio.Ml.Simulation;

/// <summary>One simulation: every strategy is replayed once per seed with these settings.</summary>
public sealed record SimulationOptions
{
    public IReadOnlyList<QueryStrategy> Strategies { get; init; } = [QueryStrategy.Random, QueryStrategy.Margin];

    /// <summary>Labels drawn at random before the first model.</summary>
    public int SeedSize { get; init; } = 20;

    public int BatchSize { get; init; } = 50;

    /// <summary>Query rounds; a run's curve has Rounds + 1 points (the seed set is the first).</summary>
    public int Rounds { get; init; } = 20;

    /// <summary>Share of rows held out, per class, to measure accuracy; never queried.</summary>
    public double TestFraction { get; init; } = 0.25;

    public IReadOnlyList<int> Seeds { get; init; } = [0];

    /// <summary>Spread each batch over feature space (PoolRanker.Diversify); ignored by Random.</summary>
    public bool Diversity { get; init; }

    public TrainerOptions Trainer { get; init; } = TrainerOptions.Default;
}
