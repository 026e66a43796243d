namespace LabelStudio.Core.Labeling;

/// <summary>
/// What the labeling page sends for one decision. A null class means the item was skipped.
/// <paramref name="LeaseId"/> is the lease the item was served under; null for a relabel from history.
/// </summary>
public sealed record LabelSubmission(
    int ProjectId,
    long ItemId,
    string UserId,
    int? ClassId,
    double SecondsSpent,
    string? Comment,
    bool SuggestionShown,
    long? LeaseId = null);
