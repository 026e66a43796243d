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

    // The class index of each unlabeled item's hidden ground truth, -1 where it has none.
    private readonly List<int> _unlabeledTruth;

    private TrainingPool(
        int projectId,
        QueryStrategy strategy,
        int classCount,
        List<(long ItemId, int ClassIndex)> labeled,
        List<long> unlabeled,
        List<int> unlabeledTruth,
        IReadOnlyDictionary<long, float[]> vectors,
        string? embedder)
    {
        ProjectId = projectId;
        Embedder = embedder;
        Strategy = strategy;
        ClassCount = classCount;
        _labeled = labeled;
        _unlabeled = unlabeled;
        _unlabeledTruth = unlabeledTruth;
        _vectors = vectors;
    }

    public int ProjectId { get; }
    public QueryStrategy Strategy { get; }
    public int ClassCount { get; }

    /// <summary>The image embedder that made the vectors ("resnet18"), or null for tables and audio.</summary>
    public string? Embedder { get; }
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
            .Select(p => new { p.Strategy, p.Overlap, p.OverlapScope, p.Embedder })
            .FirstAsync(cancellationToken);
        var classIndex = (await db.LabelClasses.Where(c => c.ProjectId == projectId)
                .OrderBy(c => c.Ordinal).Select(c => c.Id).ToListAsync(cancellationToken))
            .Select((id, index) => (id, index))
            .ToDictionary(pair => pair.id, pair => pair.index);
        var vectors = await featureStore.GetAsync(projectId, cancellationToken);

        // Read straight from SQLite: an object per item through EF Core was a quarter of the
        // garbage a retrain of 50,000 items made.
        var labeled = new List<(long ItemId, int ClassIndex)>();
        var unlabeled = new List<long>();
        var unlabeledTruth = new List<int>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // The hidden ground truth is matched to its class here, so no name is read per item.
        command.CommandText = """
            SELECT i."Id", i."CurrentClassId", i."LabelCount", c."Id"
            FROM "Items" AS i
            LEFT JOIN "LabelClasses" AS c ON c."ProjectId" = i."ProjectId" AND c."Name" = i."GroundTruth"
            WHERE i."ProjectId" = $project
            ORDER BY i."Id"
            """;
        var project = command.CreateParameter();
        project.ParameterName = "$project";
        project.Value = projectId;
        command.Parameters.Add(project);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var itemId = reader.GetInt64(0);
            int? classId = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            if (classId is { } labeledAs)
            {
                labeled.Add((itemId, classIndex[labeledAs]));
            }
            // Items short of the overlap are ranked too, though their first label already trains the model.
            if (OverlapTargets.IsOpen(classId, reader.GetInt32(2), settings.Overlap))
            {
                unlabeled.Add(itemId);
                unlabeledTruth.Add(reader.IsDBNull(3) ? -1 : classIndex[reader.GetInt32(3)]);
            }
        }

        return new TrainingPool(
            projectId, settings.Strategy, classIndex.Count, labeled, unlabeled, unlabeledTruth, vectors,
            ProjectEmbedder.Parse(settings.Embedder)?.Name)
        {
            NeedsWholeRanking = settings.Overlap > 1 && settings.OverlapScope == OverlapScope.UncertainItems,
        };
    }

    public LabeledSet ToLabeledSet() => new(
        _labeled.Select(l => _vectors[l.ItemId]).ToList(),
        _labeled.Select(l => l.ClassIndex).ToList(),
        ClassCount);

    /// <summary>
    /// Scores every unlabeled item with the classifier; returns the queue, best first, the predicted
    /// class of each item in the stopping sample, and the calibrated accuracy over the unlabeled items.
    /// </summary>
    /// <param name="calibration">
    /// The accuracy estimate's confidence calibration; null leaves the pool's accuracy unknown.
    /// </param>
    /// <param name="maxThreads">Cores scoring may use; the app leaves one to the annotators' requests.</param>
    public PoolScores Score(
        Classifier classifier, int modelVersion, ConfidenceCalibration? calibration, int maxThreads)
    {
        var rows = new float[_unlabeled.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = _vectors[_unlabeled[i]];
        }

        var probabilities = classifier.PredictProbabilityMatrix(rows, maxThreads);
        var sample = StoppingSample.Pick(_unlabeled)
            .ToDictionary(i => _unlabeled[i], i => Classifier.ArgMax(probabilities[i]));
        var poolAccuracy = calibration is null || rows.Length == 0
            ? (double?)null
            : calibration.ExpectedAccuracy(probabilities);
        return new PoolScores(Rank(probabilities, modelVersion), sample, poolAccuracy, TruthScore(probabilities));
    }

    /// <summary>How the model does on the unlabeled items' hidden ground truth; null when none has any.</summary>
    private TruthScore? TruthScore(ProbabilityMatrix probabilities)
    {
        int tested = 0, right = 0;
        for (var i = 0; i < _unlabeledTruth.Count; i++)
        {
            if (_unlabeledTruth[i] < 0)
            {
                continue;
            }
            tested++;
            right += Classifier.ArgMax(probabilities[i]) == _unlabeledTruth[i] ? 1 : 0;
        }

        return tested == 0 ? null : new TruthScore(right / (double)tested, tested);
    }

    private QueueGeneration Rank(ProbabilityMatrix probabilities, int modelVersion)
    {
        // The version seeds the random control strategy: each round draws anew, a rerun draws the same.
        var ranking = PoolRanker.Rank(probabilities, Strategy, seed: modelVersion);
        var itemIds = new long[ranking.Order.Length];
        var scores = new float[ranking.Order.Length];
        for (var rank = 0; rank < itemIds.Length; rank++)
        {
            var poolIndex = ranking.Order[rank];
            itemIds[rank] = _unlabeled[poolIndex];
            scores[rank] = ranking.Scores[poolIndex];
        }

        return new QueueGeneration(ProjectId, modelVersion, itemIds, scores);
    }
}

/// <summary>
/// Scoring's result: the new queue, the stopping sample's predicted class by item id, and the expected
/// accuracy over the unlabeled items (null without a calibration or without unlabeled items).
/// </summary>
internal sealed record PoolScores(
    QueueGeneration Ranking,
    IReadOnlyDictionary<long, int> SamplePredictions,
    double? PoolAccuracy,
    TruthScore? Truth);

/// <summary>
/// The model's accuracy on the unlabeled items that carry a hidden ground truth, and how many they are.
/// </summary>
internal sealed record TruthScore(double Accuracy, int ItemCount);
