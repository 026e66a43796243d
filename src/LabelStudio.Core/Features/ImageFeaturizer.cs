using System.Diagnostics;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Jobs;
using LabelStudio.Core.Storage;
using LabelStudio.Ml.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Core.Features;

/// <summary>
/// Gives every image item its feature vector: reads display copies in batches, embeds them with the
/// image embedder and writes each batch in one short transaction. Progress is the share of the
/// project's items with a vector, so a restart simply carries on. When the last vector lands,
/// <see cref="FeaturesReady"/> rebuilds the cold-start spread and requests a training run.
/// </summary>
public sealed partial class ImageFeaturizer(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    FeaturesReady ready,
    WriteGate writeGate,
    IOptions<ImageFeatureOptions> featureOptions,
    FeatureWaits waits,
    TimeProvider clock,
    ILogger<ImageFeaturizer> logger) : IDisposable
{
    private const int BatchSize = 64;
    private readonly Dictionary<int, IImageEmbedder> _resNets = [];
    private readonly Dictionary<int, DateTimeOffset> _failedAt = [];
    private readonly IImageEmbedder _fallback = ImageEmbedders.CreateFallback();
    private readonly Lock _embeddersLock = new();

    internal WakeSignal WakeUps { get; } = new();

    /// <summary>Wakes the worker after an image or audio import, instead of waiting for its next poll.</summary>
    public void Wake() => WakeUps.Wake();

    /// <summary>Image projects with at least one item still lacking a vector.</summary>
    public Task<IReadOnlyList<int>> DueProjectsAsync(CancellationToken cancellationToken) =>
        ready.DueProjectsAsync(DataKind.Image, cancellationToken);

    public async Task RunAsync(int projectId, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (await EmbedderForAsync(projectId, cancellationToken) is not { } embedder)
        {
            return;
        }

        var done = 0;
        while (await NextBatchAsync(projectId, cancellationToken) is { Count: > 0 } batch)
        {
            var vectors = await Task.Run(() => Embed(embedder, batch, cancellationToken), cancellationToken);
            await WriteAsync(projectId, batch, vectors, cancellationToken);
            done += batch.Count;
        }

        await ready.AfterLastVectorAsync(projectId, cancellationToken);
        LogFeaturized(projectId, done, embedder.Name, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The embedder of the project's vectors. A new project takes ResNet18 at the input size its images call for,
    /// or the fallback when the network cannot load, and records the choice; from then on the project keeps it,
    /// so its vectors are always of one kind. When its ResNet18 cannot load, null: new images wait (and the
    /// project page says why) rather than get vectors of another kind.
    /// </summary>
    private async Task<IImageEmbedder?> EmbedderForAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Embedder)
            .FirstAsync(cancellationToken);
        if (ProjectEmbedder.Parse(stored) is not { } recorded)
        {
            var largestSide = await db.ItemMedia.Where(m => m.ProjectId == projectId)
                .MaxAsync(m => (int?)Math.Max(m.Width, m.Height), cancellationToken) ?? 0;
            var inputSize = ImageEmbedderOptions.ForLargestSide(largestSide).InputSize;
            var first = ResNetAt(inputSize) ?? _fallback;
            var chosen = new ProjectEmbedder(first.Name, inputSize);
            using var turn = await writeGate.EnterAsync(cancellationToken);
            await db.Projects.Where(p => p.Id == projectId)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Embedder, chosen.ToString()), cancellationToken);
            LogEmbedderChosen(projectId, chosen.ToString());
            return first;
        }

        if (recorded.Name == ImageEmbedderNames.PixelHistogram)
        {
            return _fallback;
        }
        if (ResNetAt(recorded.InputSize) is { } resNet)
        {
            waits.Clear(projectId);
            return resNet;
        }

        waits.Set(projectId, $"This project's images are described by {recorded}, which could not load on this " +
            "server. New images wait for their features (the server tries again regularly); vectors of " +
            "another kind are never mixed in.");
        LogWaiting(projectId, recorded.ToString());
        return null;
    }

    /// <summary>
    /// ResNet18 at one input size, loaded once and kept for the process's life (a load takes seconds). After a
    /// failed load, null until <see cref="ImageFeatureOptions.RetryAfter"/> has passed.
    /// </summary>
    private IImageEmbedder? ResNetAt(int inputSize)
    {
        lock (_embeddersLock)
        {
            if (_resNets.TryGetValue(inputSize, out var loaded))
            {
                return loaded;
            }
            var options = featureOptions.Value;
            if (_failedAt.TryGetValue(inputSize, out var failedAt) && clock.GetUtcNow() - failedAt < options.RetryAfter)
            {
                return null;
            }

            var embedder = ImageEmbedders.Create(
                ImageEmbedderOptions.ForLargestSide(inputSize) with
                {
                    InputSize = inputSize,
                    ModelPath = options.ModelPath,

                    // Leave a core to the annotators' requests, as training does.
                    Threads = Math.Max(1, Environment.ProcessorCount - 1),
                },
                logger);
            if (embedder.Name != ImageEmbedderNames.ResNet18)
            {
                embedder.Dispose();
                _failedAt[inputSize] = clock.GetUtcNow();
                return null;
            }

            _failedAt.Remove(inputSize);
            _resNets[inputSize] = embedder;
            return embedder;
        }
    }

    private async Task<List<(long ItemId, string Path)>> NextBatchAsync(
        int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ItemMedia.AsNoTracking()
            .Where(m => m.ProjectId == projectId && !db.ItemFeatures.Any(f => f.ItemId == m.ItemId))
            .OrderBy(m => m.ItemId)
            .Take(BatchSize)
            .Select(m => new { m.ItemId, m.StoredFolder, m.DisplayFile })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.ItemId, Path.Combine(dataDirectory.Root, r.StoredFolder, r.DisplayFile))).ToList();
    }

    /// <summary>
    /// Embeds the display copies, which this server wrote itself after checking the originals. A copy
    /// that has gone missing gets a zero vector, so one lost file cannot stall the project.
    /// </summary>
    private float[][] Embed(IImageEmbedder embedder, List<(long ItemId, string Path)> batch, CancellationToken ct)
    {
        var images = new List<Image<Rgb24>>(batch.Count);
        try
        {
            var missing = new HashSet<int>();
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    images.Add(Image.Load<Rgb24>(batch[i].Path));
                }
                catch (Exception exception) when (exception is IOException or ImageFormatException)
                {
                    LogUnreadable(exception, batch[i].ItemId);
                    missing.Add(i);
                    images.Add(new Image<Rgb24>(1, 1));
                }
            }

            var vectors = embedder.Embed(images, ct);
            foreach (var i in missing)
            {
                vectors[i] = new float[embedder.Dimension];
            }
            return vectors;
        }
        finally
        {
            images.ForEach(image => image.Dispose());
        }
    }

    private async Task WriteAsync(
        int projectId, List<(long ItemId, string Path)> batch, float[][] vectors, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var insert = await PreparedInsert.CreateAsync(
            db, "ItemFeatures", ["ItemId", "ProjectId", "Vector"], cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            insert.Execute(batch[i].ItemId, projectId, FeatureVectorCodec.Encode(vectors[i]));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var embedder in _resNets.Values)
        {
            embedder.Dispose();
        }
        _fallback.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId}: images embedded by {Embedder}")]
    private partial void LogEmbedderChosen(int projectId, string embedder);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Project {ProjectId}: {ItemCount} images featurized by {Embedder} in {Seconds:F1} s")]
    private partial void LogFeaturized(int projectId, int itemCount, string embedder, double seconds);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Project {ProjectId}: new images wait for features; its embedder {Embedder} could not load")]
    private partial void LogWaiting(int projectId, string embedder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ItemId}: display copy unreadable; zero features")]
    private partial void LogUnreadable(Exception exception, long itemId);
}
