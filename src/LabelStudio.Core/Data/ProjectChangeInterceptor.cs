using System.Data.Common;
using System.Runtime.CompilerServices;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LabelStudio.Core.Data;

/// <summary>
/// Reports every saved change to what a project's pages show (labels, reviews, items, model versions,
/// members, classes, settings, the timeline) to <see cref="ProjectChangeNotifier"/>, once it is
/// committed: at once for a plain save, at the commit for a save inside a transaction, never for a
/// rollback. Seeing it here, rather than at each service, means a new write path cannot forget it.
/// Bulk SQL (imports' prepared inserts, ExecuteUpdate) is not seen: each of those paths ends by
/// saving a timeline event, and pages poll slowly for writes by other processes anyway.
/// </summary>
internal sealed class ProjectChangeInterceptor(ProjectChangeNotifier notifier)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Watched =
    [
        typeof(LabelEvent), typeof(Item), typeof(ModelVersion), typeof(ActivityEvent),
        typeof(ProjectMember), typeof(LabelClass), typeof(Project),
    ];

    /// <summary>Projects changed by saves that wait for their transaction's commit, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<int>> _uncommitted = [];

    /// <summary>Projects changed by the save in progress, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<int>> _saving = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(_saving, eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(_saving, eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Publish(Take(_uncommitted, eventData.Context));

    public Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(Take(_uncommitted, eventData.Context));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(_uncommitted, eventData.Context);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(_uncommitted, eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var projects = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Watched.Contains(entry.Metadata.ClrType)
                && ProjectOf(entry) is > 0 and var projectId)
            {
                projects.Add(projectId);
            }
        }
        _saving.AddOrUpdate(context, projects);
    }

    private static int ProjectOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.Entity is Project project ? project.Id : (int)(entry.Property("ProjectId").CurrentValue ?? 0);

    private void Saved(DbContext? context)
    {
        var projects = Take(_saving, context);
        if (context is null || projects.Count == 0)
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            Publish(projects);
            return;
        }
        _uncommitted.GetOrCreateValue(context).UnionWith(projects);
    }

    private void Publish(HashSet<int> projects)
    {
        foreach (var projectId in projects)
        {
            notifier.Notify(projectId);
        }
    }

    private static HashSet<int> Take(ConditionalWeakTable<DbContext, HashSet<int>> table, DbContext? context)
    {
        if (context is null || !table.TryGetValue(context, out var projects))
        {
            return [];
        }

        table.Remove(context);
        return projects;
    }

    private static void Forget(ConditionalWeakTable<DbContext, HashSet<int>> table, DbContext? context)
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }
}
