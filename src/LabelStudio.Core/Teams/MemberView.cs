using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Teams;

/// <summary>A project member as the members list shows them.</summary>
public sealed record MemberView(string UserId, string Email, string DisplayName, ProjectRole Role, bool Active);
