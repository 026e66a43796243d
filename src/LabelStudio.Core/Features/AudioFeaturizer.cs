using System.Diagnostics;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Ml.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Features;

/// <summary>
/// Gives an audio project's clips their feature vectors. The import already computed each clip's
/// raw MFCC and spectral vector while it decoded the file (<see cref="ItemMedia.RawFeatures"/>);
/// here all of the project's raw vectors, old and new, are standardized together and every stored
/// vector is replaced in one transaction, so a second import puts every clip on one new scale.
/// </summary>
public sealed partial class AudioFeaturizer(
    IDbContextFactory<AppDbContext> contexts,
    FeaturesReady ready,
    WriteGate writeGate,
    ILogger<AudioFeaturizer> logger)
{
    /// <summary>Names the features on the project page, as an image project names its embedder.</summary>
    public const string FeatureName = "MFCC and spectral statistics (60 values)";

    /// <summary>Audio projects with at least one clip still lacking a standardized vector.</summary>
    public Task<IReadOnlyList<int>> DueProjectsAsync(CancellationToken cancellationToken) =>
        ready.DueProjectsAsync(DataKind.Audio, cancellationToken);

    public async Task RunAsync(int projectId, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // 1. Every clip's raw vector; a clip without one (a lost row) gets zeros rather than stall training.
            var raw = await db.ItemMedia.AsNoTracking()
                .Where(m => m.ProjectId == projectId)
                .OrderBy(m => m.ItemId)
                .Select(m => new { m.ItemId, m.RawFeatures })
                .ToListAsync(cancellationToken);
            var vectors = raw.Select(r => r.RawFeatures is null ? null : FeatureVectorCodec.Decode(r.RawFeatures))
                .ToList();
            var dimension = vectors.OfType<float[]>().FirstOrDefault()?.Length ?? 0;
            var filled = vectors.Select(v => v ?? new float[dimension]).ToList();

            // 2. One scale over the whole project.
            var standardized = filled.Count == 0 || dimension == 0
                ? filled.ToArray()
                : FeatureStandardizer.Fit(filled).TransformAll(filled);

            // 3. Replace every stored vector at once, so the store never mixes two scales.
            using var turn = await writeGate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.ItemFeatures.Where(f => f.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
            await using (var insert = await PreparedInsert.CreateAsync(
                db, "ItemFeatures", ["ItemId", "ProjectId", "Vector"], cancellationToken))
            {
                for (var i = 0; i < raw.Count; i++)
                {
                    insert.Execute(raw[i].ItemId, projectId, FeatureVectorCodec.Encode(standardized[i]));
                }
            }
            await db.Projects.Where(p => p.Id == projectId)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Embedder, FeatureName), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogStandardized(projectId, raw.Count, stopwatch.Elapsed.TotalSeconds);
        }

        await ready.AfterLastVectorAsync(projectId, cancellationToken);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Project {ProjectId}: {ItemCount} clips standardized together in {Seconds:F2} s")]
    private partial void LogStandardized(int projectId, int itemCount, double seconds);
}
