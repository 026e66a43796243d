using System.Collections.Concurrent;

namespace LabelStudio.Core.Features;

/// <summary>
/// Image projects whose new images wait for features because the project's embedder cannot load here, with the
/// sentence the project page shows. Kept in memory: it describes this process's attempts.
/// </summary>
public sealed class FeatureWaits
{
    private readonly ConcurrentDictionary<int, string> _reasons = new();

    public string? For(int projectId) => _reasons.GetValueOrDefault(projectId);

    internal void Set(int projectId, string reason) => _reasons[projectId] = reason;

    internal void Clear(int projectId) => _reasons.TryRemove(projectId, out _);
}
