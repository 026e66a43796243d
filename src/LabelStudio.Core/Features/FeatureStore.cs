using System.Collections.Concurrent;
using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Features;

/// <summary>
/// Every item's feature vector of a project, loaded once from the database and kept in memory:
/// each training round needs them all, and reading tens of megabytes of blobs per round would
/// dominate its time. An import invalidates the project's entry.
/// </summary>
public sealed class FeatureStore(IDbContextFactory<AppDbContext> contexts)
{
    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyDictionary<long, float[]>>>> _projects = new();

    public async Task<IReadOnlyDictionary<long, float[]>> GetAsync(int projectId, CancellationToken cancellationToken)
    {
        var entry = _projects.GetOrAdd(projectId, id => new Lazy<Task<IReadOnlyDictionary<long, float[]>>>(
            () => LoadAsync(id, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch when (entry.Value.IsFaulted)
        {
            // A failed load must not stick: the next caller tries the database again.
            _projects.TryRemove(KeyValuePair.Create(projectId, entry));
            throw;
        }
    }

    public void Invalidate(int projectId) => _projects.TryRemove(projectId, out _);

    private async Task<IReadOnlyDictionary<long, float[]>> LoadAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var vectors = new Dictionary<long, float[]>();
        var rows = db.ItemFeatures.AsNoTracking()
            .Where(f => f.ProjectId == projectId)
            .Select(f => new { f.ItemId, f.Vector })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            vectors[row.ItemId] = FeatureVectorCodec.Decode(row.Vector);
        }
        return vectors;
    }
}
