using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Teams;

/// <summary>Who belongs to which project and in what role; every change lands on the project's timeline.</summary>
public sealed partial class MemberService(
    IDbContextFactory<AppDbContext> contexts,
    TimeProvider clock,
    ILogger<MemberService> logger)
{
    /// <summary>The user's role in the project, or null when they are not a member.</summary>
    public async Task<ProjectRole?> RoleOfAsync(int projectId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProjectMembers
            .Where(m => m.ProjectId == projectId && m.UserId == userId)
            .Select(m => (ProjectRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MemberView>> ListAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProjectMembers
            .Where(m => m.ProjectId == projectId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.Email)
            .Select(x => new MemberView(
                x.u.Id, x.u.Email ?? "", x.u.DisplayName, x.m.Role, x.u.DeactivatedAt == null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds the user with that email, or changes their role when they are already a member.</summary>
    public async Task AddAsync(
        int projectId, string email, ProjectRole role, string? byUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken)
            ?? throw new TeamException($"No account has the email '{email.Trim()}'. An admin can invite them.");

        var member = await db.ProjectMembers
            .FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == user.Id, cancellationToken);
        var summary = member is null
            ? $"Added {user.Email} as {RoleName(role)}"
            : $"Changed {user.Email} from {RoleName(member.Role)} to {RoleName(role)}";
        if (member is null)
        {
            db.ProjectMembers.Add(new ProjectMember
            {
                ProjectId = projectId, UserId = user.Id, Role = role, AddedAt = clock.GetUtcNow(),
            });
        }
        else
        {
            member.Role = role;
        }
        ActivityLog.Add(db, projectId, ActivityType.Members, byUserId, summary, clock);
        await db.SaveChangesAsync(cancellationToken);
        LogMemberChanged(projectId, summary);
    }

    /// <summary>Removes the member and gives back the item they held, so the queue serves it to others.</summary>
    public async Task RemoveAsync(int projectId, string userId, string? byUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await db.ProjectMembers
            .FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return;
        }

        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstAsync(cancellationToken);
        db.ProjectMembers.Remove(member);
        var summary = $"Removed {email} ({RoleName(member.Role)})";
        ActivityLog.Add(db, projectId, ActivityType.Members, byUserId, summary, clock);
        await db.SaveChangesAsync(cancellationToken);
        await db.Leases.Where(l => l.ProjectId == projectId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        LogMemberChanged(projectId, summary);
    }

    /// <summary>
    /// Gives every project without a lead one: its creator when that account exists, else
    /// <paramref name="fallbackUserId"/> (the first admin). Projects created before membership existed,
    /// and the demo project, start with an owner this way.
    /// </summary>
    public async Task EnsureLeadsAsync(string fallbackUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orphans = await db.Projects
            .Where(p => !db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.Role == ProjectRole.Lead))
            .Select(p => new
            {
                p.Id,
                Creator = db.Users.Where(u => u.Id == p.CreatedById).Select(u => u.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var orphan in orphans)
        {
            var owner = orphan.Creator ?? fallbackUserId;
            await db.ProjectMembers.Where(m => m.ProjectId == orphan.Id && m.UserId == owner)
                .ExecuteDeleteAsync(cancellationToken);
            db.ProjectMembers.Add(new ProjectMember
            {
                ProjectId = orphan.Id, UserId = owner, Role = ProjectRole.Lead, AddedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string RoleName(ProjectRole role) => role switch
    {
        ProjectRole.DataScientist => "data scientist",
        _ => role.ToString().ToLowerInvariant(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} members: {Change}")]
    private partial void LogMemberChanged(int projectId, string change);
}
