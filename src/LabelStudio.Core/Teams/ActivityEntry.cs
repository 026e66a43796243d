using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Teams;

/// <summary>One line of a project's timeline; <see cref="Who"/> is an email, or "LabelStudio" for the app itself.</summary>
public sealed record ActivityEntry(long Id, DateTimeOffset At, ActivityType Kind, string Who, string Summary,
    double? Accuracy);
