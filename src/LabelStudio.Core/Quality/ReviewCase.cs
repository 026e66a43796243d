using LabelStudio.Core.Items;

namespace LabelStudio.Core.Quality;

/// <summary>One annotator decision on a disputed item, as the reviewer sees it; a null class is a skip.</summary>
public sealed record ReviewVote(string Annotator, string? ClassName, DateTimeOffset At, string? Comment, bool Counts);

/// <summary>A disputed item with every decision made on it, and how many disputed items are left.</summary>
public sealed record ReviewCase(ItemDisplay Item, IReadOnlyList<ReviewVote> Votes, int Remaining);

/// <summary>A reviewer's final label for an item.</summary>
public sealed record ReviewDecision(int ProjectId, long ItemId, string ReviewerId, int ClassId, string? Comment);
