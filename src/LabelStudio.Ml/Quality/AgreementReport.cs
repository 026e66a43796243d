namespace LabelStudio.Ml;

/// <summary>Cohen's kappa of two raters over the units both rated; null when undefined.</summary>
public sealed record PairAgreement(int RaterA, int RaterB, int SharedUnits, double? Kappa);

/// <summary>Agreement on one category against all others together.</summary>
public sealed record CategoryAgreement(int Category, double? FleissKappa, double? KrippendorffAlpha);

/// <summary>Every agreement figure of one set of ratings.</summary>
public sealed record AgreementReport(
    IReadOnlyList<PairAgreement> Pairs,
    double? FleissKappa,
    double? KrippendorffAlpha,
    int PairableUnits,
    IReadOnlyList<CategoryAgreement> PerCategory)
{
    /// <summary>Whether the project-wide alpha is known and below <see cref="Agreement.AcceptableFloor"/>.</summary>
    public bool IsBelowFloor => KrippendorffAlpha < Agreement.AcceptableFloor;
}
