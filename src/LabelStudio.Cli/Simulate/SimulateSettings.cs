using LabelStudio.Ml;
using LabelStudio.Ml.Simulation;

namespace LabelStudio.Cli.Simulate;

/// <summary>Everything `simulate` was asked to do, already parsed and range-checked.</summary>
internal sealed record SimulateSettings(
    string Input,
    string? LabelColumn,
    IReadOnlyList<string>? Features,
    string? IdColumn,
    IReadOnlyList<QueryStrategy> Strategies,
    int SeedSize,
    int BatchSize,
    int Rounds,
    double TestFraction,
    IReadOnlyList<int> Seeds,
    string? JsonPath)
{
    public SimulationOptions ToSimulationOptions() => new()
    {
        Strategies = Strategies,
        SeedSize = SeedSize,
        BatchSize = BatchSize,
        Rounds = Rounds,
        TestFraction = TestFraction,
        Seeds = Seeds,
    };
}
