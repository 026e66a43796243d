namespace LabelStudio.Ml;

/// <summary>One rater's decision on one unit: small dense ids, so the math never touches strings.</summary>
public readonly record struct Rating(int Unit, int Rater, int Category);
