using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Teams;

/// <summary>Appends to and reads each project's activity timeline.</summary>
public sealed class ActivityLog(IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, TimeProvider clock)
{
    public const string AppName = "LabelStudio";

    /// <summary>Records an event on its own, for work that has no transaction of its own to join.</summary>
    public async Task RecordAsync(
        int projectId,
        ActivityType kind,
        string? userId,
        string summary,
        CancellationToken cancellationToken,
        double? accuracy = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);
        Add(db, projectId, kind, userId, summary, clock, accuracy);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the event to <paramref name="db"/>, so it commits with the change it describes.</summary>
    public static void Add(
        AppDbContext db,
        int projectId,
        ActivityType kind,
        string? userId,
        string summary,
        TimeProvider clock,
        double? accuracy = null) =>
        db.ActivityEvents.Add(new ActivityEvent
        {
            ProjectId = projectId,
            Kind = kind,
            UserId = userId,
            At = clock.GetUtcNow(),
            Summary = summary.Length > 1000 ? summary[..1000] : summary,
            Accuracy = accuracy,
        });

    public async Task<IReadOnlyList<ActivityEntry>> ListAsync(
        int projectId, ActivityFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = db.ActivityEvents.Where(e => e.ProjectId == projectId);
        if (filter.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }
        if (filter.UserId is { } userId)
        {
            events = events.Where(e => e.UserId == userId);
        }

        return await events
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(filter.Take)
            .Select(e => new ActivityEntry(
                e.Id,
                e.At,
                e.Kind,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault() ?? AppName,
                e.Summary,
                e.Accuracy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Everyone who appears on the project's timeline, for the filter.</summary>
    public async Task<IReadOnlyList<(string UserId, string Email)>> PeopleAsync(
        int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = await db.ActivityEvents
            .Where(e => e.ProjectId == projectId && e.UserId != null)
            .Select(e => e.UserId!)
            .Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { id, u.Email })
            .OrderBy(p => p.Email)
            .ToListAsync(cancellationToken);
        return people.Select(p => (p.id, p.Email ?? p.id)).ToList();
    }
}
