using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Quality;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Training;

/// <summary>A snapshot of one project for a training run: who is labeled with what, and every vector.</summary>
internal sealed class TrainingPool
{
    private readonly List<(long ItemId, int ClassIndex)> _labeled;
    private readonly List<long> _unlabeled;
    private readonly IReadOnlyDictionary<long, float[]> _vectors;

    private TrainingPool(
        int projectId,
        QueryStrategy strategy,
        int classCount,
        List<(long ItemId, int ClassIndex)> labeled,
        List<long> unlabeled,
        IReadOnlyDictionary<long, float[]> vectors)
    {
        ProjectId = projectId;
        Strategy = strategy;
        ClassCount = classCount;
        _labeled = labeled;
        _unlabeled = unlabeled;
        _vectors = vectors;
    }

    public int ProjectId { get; }
    public QueryStrategy Strategy { get; }
    public int ClassCount { get; }
    public int LabeledClassCount => _labeled.Select(l => l.ClassIndex).Distinct().Count();

    /// <summary>
    /// Overlap on the top share of the ranking: the share is of the whole generation, so the queue
    /// must hold every rank, not only the best slice.
    /// </summary>
    public bool NeedsWholeRanking { get; private init; }

    /// <summary>Items without a feature vector yet: images the featurize job has not reached.</summary>
    public int MissingVectorCount =>
        _labeled.Count(l => !_vectors.ContainsKey(l.ItemId)) + _unlabeled.Count(id => !_vectors.ContainsKey(id));

    public static async Task<TrainingPool> LoadAsync(
        IDbContextFactory<AppDbContext> contexts,
        FeatureStore featureStore,
        int projectId,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new { p.Strategy, p.Overlap, p.OverlapScope })
            .FirstAsync(cancellationToken);
        var classIndex = (await db.LabelClasses.Where(c => c.ProjectId == projectId)
                .OrderBy(c => c.Ordinal).Select(c => c.Id).ToListAsync(cancellationToken))
            .Select((id, index) => (id, index))
            .ToDictionary(pair => pair.id, pair => pair.index);
        var items = await db.Items.AsNoTracking()
            .Where(i => i.ProjectId == projectId)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.CurrentClassId, i.LabelCount })
            .ToListAsync(cancellationToken);
        var vectors = await featureStore.GetAsync(projectId, cancellationToken);

        var labeled = items.Where(i => i.CurrentClassId is not null)
            .Select(i => (i.Id, classIndex[i.CurrentClassId!.Value])).ToList();
        // Items short of the overlap are ranked too, though their first label already trains the model.
        var unlabeled = items.Where(i => OverlapTargets.IsOpen(i.CurrentClassId, i.LabelCount, settings.Overlap))
            .Select(i => i.Id).ToList();
        return new TrainingPool(projectId, settings.Strategy, classIndex.Count, labeled, unlabeled, vectors)
        {
            NeedsWholeRanking = settings.Overlap > 1 && settings.OverlapScope == OverlapScope.UncertainItems,
        };
    }

    public LabeledSet ToLabeledSet() => new(
        _labeled.Select(l => _vectors[l.ItemId]).ToList(),
        _labeled.Select(l => l.ClassIndex).ToList(),
        ClassCount);

    /// <summary>
    /// Scores every unlabeled item with the classifier; returns the queue, best first, and the
    /// predicted class of each item in the stopping sample.
    /// </summary>
    /// <param name="maxThreads">Cores scoring may use; the app leaves one to the annotators' requests.</param>
    public PoolScores Score(Classifier classifier, int modelVersion, int maxThreads)
    {
        var rows = _unlabeled.Select(id => _vectors[id]).ToList();
        var probabilities = classifier.PredictProbabilities(rows, maxThreads);
        var sample = StoppingSample.Pick(_unlabeled)
            .ToDictionary(i => _unlabeled[i], i => Classifier.ArgMax(probabilities[i]));
        return new PoolScores(Rank(probabilities, modelVersion), sample);
    }

    private List<ItemRank> Rank(float[][] probabilities, int modelVersion)
    {
        // The version seeds the random control strategy: each round draws anew, a rerun draws the same.
        var ranking = PoolRanker.Rank(probabilities, Strategy, seed: modelVersion);
        return ranking.Order
            .Select((poolIndex, rank) => new ItemRank
            {
                ItemId = _unlabeled[poolIndex],
                ProjectId = ProjectId,
                Rank = rank,
                Score = ranking.Scores[poolIndex],
                ModelVersion = modelVersion,
            })
            .ToList();
    }
}

/// <summary>Scoring's result: the new queue, and the stopping sample's predicted class by item id.</summary>
internal sealed record PoolScores(IReadOnlyList<ItemRank> Ranking, IReadOnlyDictionary<long, int> SamplePredictions);
