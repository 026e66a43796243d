using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LabelStudio.Web.Tests.Rendering;

/// <summary>
/// Holds the real save of a label event open until the test releases it, so a test can act while a
/// save is in flight. Until <see cref="Close"/> is called it lets every save through untouched.
/// </summary>
public sealed class LabelSaveGate : SaveChangesInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _release;

    /// <summary>Completes when a label save has reached the closed gate.</summary>
    public Task Reached => _reached.Task;

    public void Close() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _release?.TrySetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var savesALabel = eventData.Context?.ChangeTracker.Entries<LabelEvent>()
            .Any(e => e.State == EntityState.Added) == true;
        if (savesALabel && _release is { } release)
        {
            _reached.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
        }
        return result;
    }
}
