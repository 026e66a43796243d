using System.Globalization;
using System.Text;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Training;

/// <summary>
/// The accuracy a lead is shown after rounds of labels chosen by the model's doubt, against the
/// model's real accuracy on the items nobody labeled yet (their hidden truth).
/// </summary>
public sealed class ShownAccuracyTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AfterMarginRoundsTheShownAccuracyIsTheModelsOnTheUnlabeledItemsNotOnItsHardestLabels()
    {
        var project = await _database.CreateProjectAsync("Overlap", ["A", "B"], roundSize: 20);
        var plan = new TableImportPlan(["X", "Y"], "Id", "Class", LabelMode.HiddenGroundTruth);
        var job = await _database.ImportCsvAsync(project.Id, OverlappingClasses(rows: 1_200), plan);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var runner = _database.Get<TrainingRunner>();
        var alice = new Annotator(_database, project.Id, "alice");
        ModelVersion? model = null;
        for (var round = 0; round < 6; round++)
        {
            await alice.LabelNextTruthfullyAsync(20);
            model = await runner.RunIfDueAsync(project.Id, CancellationToken.None) ?? model;
        }

        var truth = await AccuracyOnUnlabeledAsync(project.Id, model!);
        var labelsOwn = await HeldOutAccuracyOfLabelsAsync(project.Id);
        // The labels margin chose lie near the boundary: their own accuracy is far below the model's.
        Assert.True(labelsOwn < truth - 0.1, $"held-out {labelsOwn:F3}, truth {truth:F3}");
        Assert.InRange(model!.EstimatedAccuracy!.Value, truth - 0.07, truth + 0.07);
        Assert.Equal("5-fold cross-validation, calibrated over the unlabeled items", model.AccuracyMethod);
    }

    [Fact]
    public async Task EachVersionIsScoredOnTheHiddenTruthOfTheUnlabeledItemsThatHaveOne()
    {
        var project = await _database.CreateProjectAsync("Overlap", ["A", "B"], roundSize: 20);
        var plan = new TableImportPlan(["X", "Y"], "Id", "Class", LabelMode.HiddenGroundTruth);
        await _database.ImportCsvAsync(project.Id, OverlappingClasses(rows: 400), plan);
        var runner = _database.Get<TrainingRunner>();
        var alice = new Annotator(_database, project.Id, "alice");

        await alice.LabelNextTruthfullyAsync(20);
        var everyItem = await runner.RunIfDueAsync(project.Id, CancellationToken.None);
        var expectedEvery = await TruthScoreAsync(project.Id, everyItem!);
        await alice.LabelNextTruthfullyAsync(20);
        await ForgetTruthAsync(project.Id, everyOther: true);
        var halfTheItems = await runner.RunIfDueAsync(project.Id, CancellationToken.None);
        var expectedHalf = await TruthScoreAsync(project.Id, halfTheItems!);
        await ForgetTruthAsync(project.Id, everyOther: false);
        await _database.Get<TrainingScheduler>().RequestAsync(project.Id, CancellationToken.None);
        var noItem = await runner.RunIfDueAsync(project.Id, CancellationToken.None);

        Assert.Equal((expectedEvery.Accuracy, 380), (everyItem!.TruthAccuracy, everyItem.TruthItemCount));
        Assert.Equal(expectedHalf, (halfTheItems!.TruthAccuracy!.Value, halfTheItems.TruthItemCount));
        Assert.InRange(halfTheItems.TruthItemCount, 150, 210);
        Assert.Equal((null, 0), (noItem!.TruthAccuracy, noItem.TruthItemCount));
    }

    /// <summary>Two classes of 2-D points whose clouds overlap: about 84% can be told apart.</summary>
    private static string OverlappingClasses(int rows)
    {
        var random = new Random(5);
        var csv = new StringBuilder("Id,X,Y,Class\n");
        for (var i = 0; i < rows; i++)
        {
            var isA = i % 2 == 0;
            var centre = isA ? -0.7 : 0.7;
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"p{i},{centre + Gaussian(random):F4},{centre + Gaussian(random):F4},{(isA ? "A" : "B")}"));
        }

        return csv.ToString();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private async Task<double> AccuracyOnUnlabeledAsync(int projectId, ModelVersion model) =>
        (await TruthScoreAsync(projectId, model)).Accuracy;

    /// <summary>The saved model's accuracy on the unlabeled items that have a truth, and how many they are.</summary>
    private async Task<(double Accuracy, int Count)> TruthScoreAsync(int projectId, ModelVersion model)
    {
        Classifier classifier;
        await using (var file = File.OpenRead(Path.Combine(_database.Root, "models", model.ModelFile)))
        {
            classifier = Classifier.Load(file);
        }

        var vectors = await _database.Get<FeatureStore>().GetAsync(projectId, CancellationToken.None);
        await using var db = await _database.ContextAsync();
        var unlabeled = await db.Items
            .Where(i => i.ProjectId == projectId && i.CurrentClassId == null && i.GroundTruth != null)
            .Select(i => new { i.Id, i.GroundTruth }).ToListAsync();
        var predicted = classifier.Predict(unlabeled.Select(i => vectors[i.Id]).ToArray());
        var classes = new[] { "A", "B" };
        var right = unlabeled.Where((item, j) => classes[predicted[j]] == item.GroundTruth).Count();
        return (right / (double)unlabeled.Count, unlabeled.Count);
    }

    private async Task ForgetTruthAsync(int projectId, bool everyOther)
    {
        await using var db = await _database.ContextAsync();
        await db.Items.Where(i => i.ProjectId == projectId && (!everyOther || i.Id % 2 == 0))
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.GroundTruth, (string?)null));
    }

    private async Task<double> HeldOutAccuracyOfLabelsAsync(int projectId)
    {
        var pool = await TrainingPool.LoadAsync(
            _database.Get<IDbContextFactory<AppDbContext>>(),
            _database.Get<FeatureStore>(), projectId, CancellationToken.None);
        return AccuracyEstimator.Estimate(pool.ToLabeledSet(), seed: 0, CancellationToken.None).Accuracy;
    }
}
