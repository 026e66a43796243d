using LabelStudio.Ml;

namespace LabelStudio.Core.Quality;

/// <summary>Everything the lead's dashboard shows, built in one pass over the database.</summary>
public sealed record DashboardSnapshot(
    ProgressSummary Progress,
    IReadOnlyList<TimePoint> Daily,
    IReadOnlyList<TimePoint> Timeline,
    IReadOnlyList<ClassTotal> Classes,
    IReadOnlyList<AnnotatorRow> Annotators,
    AgreementView Agreement,
    IReadOnlyList<ModelPoint> LearningCurve,
    ConfusionView? Confusion,
    StoppingAdvice Stopping,
    TimeLeft TimeLeft);

/// <summary>Items by state: final label, waiting for review, not labeled by anyone.</summary>
public sealed record ProgressSummary(int Items, int Labeled, int Disputed, int Unlabeled, int LabelEvents)
{
    public double LabeledShare => Items == 0 ? 0 : Labeled / (double)Items;
}

/// <summary>Label events in one UTC period (minutes to a day), and all label events up to and including it.</summary>
public sealed record TimePoint(DateTime Start, int Labels, int Cumulative, TimeSpan Period);

public sealed record ClassTotal(string Name, string Color, int FinalLabels);

/// <summary>
/// One annotator's output: items labeled, pace, and Cohen's kappa with the others (weighted by
/// shared items).
/// </summary>
public sealed record AnnotatorRow(
    string Name, int Items, int Labels, double? ItemsPerHour, double? MedianSeconds, double? Agreement);

public sealed record PairRow(string First, string Second, int SharedItems, double? Kappa);

public sealed record ClassAgreementRow(string Name, double? FleissKappa, double? KrippendorffAlpha);

public sealed record AgreementView(
    double? FleissKappa,
    double? KrippendorffAlpha,
    int SharedItems,
    IReadOnlyList<PairRow> Pairs,
    IReadOnlyList<ClassAgreementRow> PerClass)
{
    public static readonly AgreementView Empty = new(null, null, 0, [], []);

    /// <summary>Agreement is known and below the floor where labels become doubtful.</summary>
    public bool IsLow => KrippendorffAlpha < Ml.Agreement.AcceptableFloor || FleissKappa < Ml.Agreement.AcceptableFloor;
}

/// <summary>The current model's held-out predictions: Counts[actual][predicted], classes in project order.</summary>
public sealed record ConfusionView(int ModelVersion, IReadOnlyList<string> Classes, int[][] Counts);

/// <summary>
/// Items nobody has labeled yet, the labels all items still need under the overlap, and how long
/// those would take at the team's recent pace.
/// </summary>
public sealed record TimeLeft(
    int RemainingItems, int RemainingLabels, double? LabelsPerDay, double? Days, double? LabelingHours);
