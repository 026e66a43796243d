namespace LabelStudio.Core.Data.Entities;

/// <summary>A user's place in a project. Admins need none: they see every project.</summary>
public sealed class ProjectMember
{
    public int ProjectId { get; set; }
    public required string UserId { get; set; }
    public ProjectRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
