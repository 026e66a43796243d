using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Projects;

/// <summary>Creates, edits and reads projects and their label classes.</summary>
public sealed class ProjectService(
    IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, TimeProvider clock)
{
    /// <summary>Every project, or with <paramref name="memberId"/> only the projects of that member.</summary>
    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(string? memberId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = db.Projects.AsNoTracking();
        if (memberId is not null)
        {
            projects = projects.Where(p => db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == memberId));
        }
        return await projects
            .OrderBy(p => p.Name)
            .Select(p => new ProjectSummary(
                p.Id,
                p.Name,
                p.DataKind,
                p.Description,
                p.ItemCount,
                db.Items.Count(i => i.ProjectId == p.Id && i.CurrentClassId != null),
                db.ModelVersions.Where(m => m.ProjectId == p.Id).Max(m => (int?)m.Version),
                db.ModelVersions.Where(m => m.ProjectId == p.Id)
                    .OrderByDescending(m => m.Version).Select(m => m.EstimatedAccuracy).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task<Project?> GetAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking().Include(p => p.Classes)
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        project?.Classes.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        return project;
    }

    public async Task<Project> CreateAsync(ProjectDraft draft, string? userId, CancellationToken cancellationToken)
    {
        Check(draft, draft.DataKind);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureNameFreeAsync(db, draft.Name.Trim(), exceptId: null, cancellationToken);

        var project = new Project
        {
            Name = draft.Name.Trim(),
            DataKind = draft.DataKind,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = userId,
        };
        Apply(draft, project);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);

        // The creator leads the project; a project made by the app itself (the demo) gets its lead at start-up.
        if (userId is not null && await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            db.ProjectMembers.Add(new ProjectMember
            {
                ProjectId = project.Id, UserId = userId, Role = ProjectRole.Lead, AddedAt = clock.GetUtcNow(),
            });
        }
        ActivityLog.Add(db, project.Id, ActivityType.Settings, userId, $"Created the project '{project.Name}'", clock);
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }

    public async Task UpdateAsync(
        int projectId, ProjectDraft draft, string? userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.Include(p => p.Classes).FirstAsync(p => p.Id == projectId, cancellationToken);
        Check(draft, project.DataKind);
        await EnsureNameFreeAsync(db, draft.Name.Trim(), projectId, cancellationToken);

        var kept = draft.Classes.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        var removed = project.Classes.Where(c => !kept.Contains(c.Id)).ToList();
        var removedIds = removed.Select(c => c.Id).ToList();
        var removedHaveLabels = await db.LabelEvents
            .AnyAsync(e => e.ClassId != null && removedIds.Contains(e.ClassId.Value), cancellationToken);
        if (removedHaveLabels)
        {
            throw new ProjectSettingsException(
                ["A class that already has labels cannot be removed; rename it instead."]);
        }

        var before = ProjectChanges.Snapshot(project);
        project.Name = draft.Name.Trim();
        foreach (var cls in removed)
        {
            project.Classes.Remove(cls);
        }
        var ruleChanged = project.FinalLabelRule != draft.FinalLabelRule;
        Apply(draft, project);

        // A new rule re-settles every item with several votes in the same transaction.
        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (ruleChanged)
        {
            await FinalLabels.ReapplyAsync(db, projectId, draft.FinalLabelRule, cancellationToken);
        }

        var changes = ProjectChanges.Describe(before, ProjectChanges.Snapshot(project));
        if (changes.Length > 0)
        {
            ActivityLog.Add(db, projectId, ActivityType.Settings, userId, $"Changed {changes}", clock);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Copies settings and classes from the draft, giving classes without a colour or hotkey
    /// their defaults (<see cref="ClassDefaults"/>).
    /// </summary>
    private static void Apply(ProjectDraft draft, Project project)
    {
        project.Description = draft.Description.Trim();
        project.Instructions = draft.Instructions.Trim();
        project.RoundSize = draft.RoundSize;
        project.Strategy = draft.Strategy;
        project.ShowSuggestions = draft.ShowSuggestions;
        project.AutoplayAudio = draft.AutoplayAudio;
        project.Overlap = draft.Overlap;
        project.OverlapScope = draft.OverlapScope;
        project.OverlapPercent = draft.OverlapPercent;
        project.FinalLabelRule = draft.FinalLabelRule;

        var freeKeys = ClassDefaults.FreeHotkeys(draft.Classes.Select(c => c.Hotkey));
        for (var ordinal = 0; ordinal < draft.Classes.Count; ordinal++)
        {
            var source = draft.Classes[ordinal];
            var target = project.Classes.FirstOrDefault(c => source.Id is not null && c.Id == source.Id)
                ?? AddClass(project, source.Name.Trim());
            target.Name = source.Name.Trim();
            target.Color = source.Color.Length > 0 ? source.Color : ClassDefaults.Color(ordinal);
            target.Hotkey = source.Hotkey.Length > 0 ? source.Hotkey.ToLowerInvariant()
                : freeKeys.TryDequeue(out var key) ? key : "";
            target.Ordinal = ordinal;
        }
    }

    private static LabelClass AddClass(Project project, string name)
    {
        var created = new LabelClass { Name = name };
        project.Classes.Add(created);
        return created;
    }

    private static void Check(ProjectDraft draft, DataKind kind)
    {
        var problems = ProjectRules.Validate(draft, kind);
        if (problems.Count > 0)
        {
            throw new ProjectSettingsException(problems);
        }
    }

    private static async Task EnsureNameFreeAsync(
        AppDbContext db, string name, int? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Projects.AnyAsync(p => p.Name == name && p.Id != exceptId, cancellationToken))
        {
            throw new ProjectSettingsException([$"A project named '{name}' already exists."]);
        }
    }
}
