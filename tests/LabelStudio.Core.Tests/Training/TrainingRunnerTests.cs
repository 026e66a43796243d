using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Tests.Training;

/// <summary>
/// Real ML.NET training on the real penguins sample, labeled by an annotator who answers with the
/// hidden truth.
/// </summary>
public sealed class TrainingRunnerTests : IAsyncLifetime
{
    // A first model on 20 penguins estimates about 0.95 here; the floor leaves room for the spread
    // of a 5-fold estimate on so few labels while still failing a model that learned nothing.
    private const double AccuracyFloor = 0.7;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private TrainingRunner Runner => _database.Get<TrainingRunner>();

    [Fact]
    public async Task ARetrainLeavesOnlyTheServedQueueGenerationEvenAfterADeadRunsLeftovers()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);
        await using (var db = await _database.ContextAsync())
        {
            // A run killed while writing generation 7 left part of it behind.
            var someItems = await db.Items
                .Where(i => i.ProjectId == project.Id)
                .Select(i => i.Id)
                .Order()
                .Take(2_500)
                .ToListAsync();
            db.ItemRanks.AddRange(someItems.Select((id, rank) =>
                new ItemRank { ItemId = id, ProjectId = project.Id, Rank = rank, ModelVersion = 7 }));
            await db.SaveChangesAsync();
        }

        var model = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        var ranks = await _database.RanksAsync(project.Id);
        Assert.Equal(1, model?.Version);
        Assert.All(ranks, r => Assert.Equal(1, r.ModelVersion));
        Assert.Equal((await _database.UnlabeledItemsAsync(project.Id)).Count, ranks.Count);
    }

    [Fact]
    public async Task FirstRoundInTwoClassesTrainsVersionOneAndReranksTheUnlabeledPool()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        var coldStart = await _database.RanksAsync(project.Id);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);
        var requested = await _database.TrainingStateAsync(project.Id);

        var model = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.True(requested.RequestSerial > requested.CompletedSerial, "A full round should ask for a retrain.");
        Assert.NotNull(model);
        Assert.Equal((1, 20), (model.Version, model.LabelCount));
        Assert.InRange(model.EstimatedAccuracy!.Value, AccuracyFloor, 1.0);
        Assert.Equal("5-fold cross-validation, calibrated over the unlabeled items", model.AccuracyMethod);
        Assert.True(File.Exists(Path.Combine(_database.Root, "models", model.ModelFile)));

        var ranks = await _database.RanksAsync(project.Id);
        var unlabeled = await _database.UnlabeledItemsAsync(project.Id);
        Assert.All(coldStart, r => Assert.Equal(0, r.ModelVersion));
        Assert.All(ranks, r => Assert.Equal(1, r.ModelVersion));
        Assert.Equal(unlabeled.Order(), ranks.Select(r => r.ItemId).Order());
        Assert.Equal(Enumerable.Range(0, unlabeled.Count), ranks.Select(r => r.Rank));
        AssertDescendingScores(ranks);
        var coldStartOrder = coldStart.Select(r => r.ItemId).Where(unlabeled.Contains);
        Assert.NotEqual(coldStartOrder, ranks.Select(r => r.ItemId));

        var state = await _database.TrainingStateAsync(project.Id);
        Assert.Equal(state.RequestSerial, state.CompletedSerial);
        Assert.Equal((null, null, 20), (state.RunningSince, state.LastError, state.LabelEventsAtLastRun));
    }

    [Fact]
    public async Task TheStoredQueueIsTheSavedModelsOwnRankingOfTheUnlabeledPool()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(20);

        var model = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        // The same model from its file, scored row by row and ranked by the engine's own ranker.
        Classifier classifier;
        await using (var file = File.OpenRead(Path.Combine(_database.Root, "models", model!.ModelFile)))
        {
            classifier = Classifier.Load(file);
        }
        var vectors = await _database.Get<FeatureStore>().GetAsync(project.Id, CancellationToken.None);
        var pool = (await _database.UnlabeledItemsAsync(project.Id)).Order().ToArray();
        var expected = PoolRanker.Rank(
            classifier.PredictProbabilities(pool.Select(id => vectors[id]).ToArray()), project.Strategy, seed: 1);
        var ranks = await _database.RanksAsync(project.Id);
        Assert.True(pool.Length > 250, "The pool should span more than one written chunk.");
        Assert.Equal(expected.Order.Select(i => pool[i]), ranks.Select(r => r.ItemId));
        Assert.Equal(expected.Order.Select(i => (double)expected.Scores[i]), ranks.Select(r => r.Score));
    }

    [Fact]
    public async Task SecondRoundTrainsVersionTwoOnAllLabels()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        var alice = new Annotator(_database, project.Id, "alice");
        await alice.LabelNextTruthfullyAsync(20);
        await Runner.RunIfDueAsync(project.Id, CancellationToken.None);
        await alice.LabelNextTruthfullyAsync(20);

        var model = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Equal((2, 40), (model?.Version, model?.LabelCount));
        var ranks = await _database.RanksAsync(project.Id);
        Assert.All(ranks, r => Assert.Equal(2, r.ModelVersion));
        Assert.Equal((await _database.UnlabeledItemsAsync(project.Id)).Order(), ranks.Select(r => r.ItemId).Order());
        AssertDescendingScores(ranks);
        Assert.Equal([1, 2], await _database.ModelVersionsAsync(project.Id));
    }

    [Fact]
    public async Task NoTrainingIsDueBeforeARoundIsComplete()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        await new Annotator(_database, project.Id, "alice").LabelNextTruthfullyAsync(19);

        var model = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Null(model);
        Assert.Empty(await _database.Get<TrainingLock>().DueProjectsAsync(CancellationToken.None));
        Assert.Empty(await _database.ModelVersionsAsync(project.Id));
    }

    [Fact]
    public async Task LabelsInOneClassOnlyTrainNoModelEvenWhenARetrainIsPressed()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        var coldStart = await _database.RanksAsync(project.Id);
        await LabelByTruthAsync(project.Id, "Gentoo", count: 25);
        var dueAfterLabels = await _database.Get<TrainingLock>().DueProjectsAsync(CancellationToken.None);
        await _database.Get<TrainingScheduler>().RequestAsync(project.Id, CancellationToken.None);

        var model = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Empty(dueAfterLabels);
        Assert.Null(model);
        Assert.Empty(await _database.ModelVersionsAsync(project.Id));
        Assert.Equal(Snapshot(coldStart), Snapshot(await _database.RanksAsync(project.Id)));
        var state = await _database.TrainingStateAsync(project.Id);
        Assert.Equal(state.RequestSerial, state.CompletedSerial);
        Assert.Equal((null, null), (state.RunningSince, state.LastError));
        Assert.Contains(_database.Logs.Entries, e => e.Message.Contains("not training until two classes have labels"));
    }

    [Fact]
    public async Task FailedTrainingIsRecordedAndKeepsThePreviousModelAndRanking()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        var alice = new Annotator(_database, project.Id, "alice");
        await alice.LabelNextTruthfullyAsync(20);
        await Runner.RunIfDueAsync(project.Id, CancellationToken.None);
        var rankedByVersionOne = await _database.RanksAsync(project.Id);
        await alice.LabelNextTruthfullyAsync(20);
        await CutFeatureVectorOfALabeledItemAsync(project.Id);
        _database.Clock.Advance(TimeSpan.FromMinutes(3));

        var model = await Runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Null(model);
        var state = await _database.TrainingStateAsync(project.Id);
        Assert.Contains("features, expected", state.LastError);
        Assert.Equal(_database.Clock.GetUtcNow(), state.LastErrorAt);
        Assert.Equal((null, "Failed"), (state.RunningSince, state.Phase));
        Assert.Equal(state.RequestSerial, state.CompletedSerial);
        Assert.Equal([1], await _database.ModelVersionsAsync(project.Id));
        Assert.False(File.Exists(Path.Combine(_database.Root, "models", $"project-{project.Id}-v2.zip")));
        Assert.Equal(Snapshot(rankedByVersionOne), Snapshot(await _database.RanksAsync(project.Id)));
        Assert.Contains(_database.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is not null);
        var status = await _database.Get<ProjectStatusService>().GetAsync(project.Id, CancellationToken.None);
        Assert.Equal((1, state.LastError), (status.ModelVersion, status.Training.LastError));
    }

    [Fact]
    public async Task WorkerTrainsInTheBackgroundWhenARoundIsComplete()
    {
        await using var hosted = await TestDatabase.CreateAsync(withWorkers: true);
        var project = await hosted.CreatePenguinsAsync(roundSize: 10);

        await new Annotator(hosted, project.Id, "alice").LabelNextTruthfullyAsync(10);

        var model = await Eventually.WaitForAsync(async () =>
        {
            await using var db = await hosted.ContextAsync();
            return await db.ModelVersions.FirstOrDefaultAsync(m => m.ProjectId == project.Id);
        }, TimeSpan.FromSeconds(60), "the worker's first model");
        Assert.Equal((1, 10), (model.Version, model.LabelCount));
    }

    private static void AssertDescendingScores(IReadOnlyList<ItemRank> ranks)
    {
        for (var i = 1; i < ranks.Count; i++)
        {
            Assert.True(ranks[i - 1].Score >= ranks[i].Score, $"Rank {i} scores {ranks[i].Score} above rank {i - 1}.");
        }
    }

    private static List<(long, int, double, int)> Snapshot(IEnumerable<ItemRank> ranks) =>
        [.. ranks.Select(r => (r.ItemId, r.Rank, r.Score, r.ModelVersion))];

    /// <summary>Labels the first birds of one species, as a lead working from a sorted list would.</summary>
    private async Task LabelByTruthAsync(int projectId, string species, int count)
    {
        var alice = new Annotator(_database, projectId, "alice");
        await using var db = await _database.ContextAsync();
        var classId = await db.LabelClasses.Where(c => c.ProjectId == projectId && c.Name == species)
            .Select(c => c.Id)
            .SingleAsync();
        var birds = await db.Items.Where(i => i.ProjectId == projectId && i.GroundTruth == species)
            .OrderBy(i => i.Id)
            .Take(count)
            .Select(i => i.Id)
            .ToListAsync();
        foreach (var bird in birds)
        {
            await alice.LabelAsync(bird, classId);
        }
    }

    /// <summary>
    /// Damages one stored vector, then drops the in-memory copy as a restart would, so the next run
    /// reads the damage and training fails for real.
    /// </summary>
    private async Task CutFeatureVectorOfALabeledItemAsync(int projectId)
    {
        await using var db = await _database.ContextAsync();
        var labeled = await db.Items.Where(i => i.ProjectId == projectId && i.CurrentClassId != null)
            .OrderByDescending(i => i.Id)
            .Select(i => i.Id)
            .FirstAsync();
        var features = await db.ItemFeatures.SingleAsync(f => f.ItemId == labeled);
        features.Vector = features.Vector[..sizeof(float)];
        await db.SaveChangesAsync();
        _database.Get<FeatureStore>().Invalidate(projectId);
    }
}
