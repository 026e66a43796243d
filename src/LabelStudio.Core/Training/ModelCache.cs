using System.Collections.Concurrent;
using LabelStudio.Core.Data;
using LabelStudio.Core.Storage;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>A project's latest model, trained here or loaded from its file, for warm starts and suggestions.</summary>
public sealed record CurrentModel(int Version, Classifier Classifier);

/// <summary>Keeps the latest model of each project in memory; a newer version in the database replaces it.</summary>
public sealed class ModelCache(IDbContextFactory<AppDbContext> contexts, DataDirectory dataDirectory)
{
    private readonly ConcurrentDictionary<int, CurrentModel> _latest = new();

    public async Task<CurrentModel?> LatestAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.ModelVersions.AsNoTracking()
            .Where(m => m.ProjectId == projectId)
            .OrderByDescending(m => m.Version)
            .Select(m => new { m.Version, m.ModelFile })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }
        if (_latest.TryGetValue(projectId, out var cached) && cached.Version == latest.Version)
        {
            return cached;
        }

        var path = Path.Combine(dataDirectory.Models, latest.ModelFile);
        if (!File.Exists(path))
        {
            return null;
        }
        await using var stream = File.OpenRead(path);
        var loaded = new CurrentModel(latest.Version, Classifier.Load(stream));
        Remember(projectId, loaded);
        return loaded;
    }

    public void Remember(int projectId, CurrentModel model) =>
        _latest.AddOrUpdate(projectId, model, (_, existing) => existing.Version >= model.Version ? existing : model);
}
