namespace LabelStudio.Ml.Simulation;

/// <summary>
/// With camelCase JSON options this serializes as
/// {"runs":[{"strategy":"margin","seed":0,"curve":[{"labels":20,"accuracy":0.61}]}]}.
/// </summary>
public sealed record SimulationResult(IReadOnlyList<SimulationRun> Runs);

public sealed record SimulationRun(QueryStrategy Strategy, int Seed, IReadOnlyList<CurvePoint> Curve);

/// <summary>Test accuracy of the model trained on this many labels.</summary>
public sealed record CurvePoint(int Labels, double Accuracy);

/// <summary>Reported after every evaluated round.</summary>
public sealed record SimulationProgress(QueryStrategy Strategy, int Seed, int Round, int Rounds, CurvePoint Point);
