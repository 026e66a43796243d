using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Teams;

/// <summary>What the timeline shows: one kind or all, one person or all, newest first.</summary>
public sealed record ActivityFilter(ActivityType? Kind = null, string? UserId = null, int Take = 200);
