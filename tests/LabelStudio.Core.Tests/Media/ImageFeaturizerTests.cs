using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Import;
using LabelStudio.Core.Media;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using LabelStudio.Ml;
using LabelStudio.Ml.Images;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Media;

/// <summary>Images get their vectors in the background; training waits for them, then runs as for tables.</summary>
public sealed class ImageFeaturizerTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateImageProjectAsync("Clothes", "sneaker", "trouser");
        var files = new List<(string, byte[])>();
        foreach (var kind in new[] { "sneaker", "trouser" })
        {
            foreach (var number in SampleNumbers(kind))
            {
                files.Add(($"{kind}/{number}.png", RepositoryFiles.Read($"samples/fashion-mnist/{kind}/{number}.png")));
            }
        }
        var job = await _database.ImportZipAsync(
            _project.Id, TestImages.Zip([.. files]), new MediaImportRequest(null, LabelMode.ImportAsLabels, false));
        Assert.Equal(JobStatus.Succeeded, job.Status);

        // Two more without a label, so the model has a pool to rank.
        var unlabeled = TestImages.Zip(("new/a.png", files[0].Item2), ("new/b.png", files[^1].Item2));
        Assert.Equal(JobStatus.Succeeded, (await _database.ImportZipAsync(_project.Id, unlabeled)).Status);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TrainingWaitsForFeaturesThenEveryImageHasAVectorAndAModelFollows()
    {
        var featurizer = _database.Get<ImageFeaturizer>();
        await _database.Get<TrainingScheduler>().RequestAsync(_project.Id, CancellationToken.None);
        Assert.Null(await _database.Get<TrainingRunner>().RunIfDueAsync(_project.Id, CancellationToken.None));
        Assert.Contains(_project.Id, await featurizer.DueProjectsAsync(CancellationToken.None));

        await featurizer.RunAsync(_project.Id, CancellationToken.None);

        Assert.Empty(await featurizer.DueProjectsAsync(CancellationToken.None));
        await using var db = await _database.ContextAsync();
        var vectors = await db.ItemFeatures.Where(f => f.ProjectId == _project.Id).Select(f => f.Vector).ToListAsync();
        Assert.Equal(10, vectors.Count);
        Assert.Single(vectors.Select(v => v.Length).Distinct());
        var embedder = await db.Projects.Where(p => p.Id == _project.Id).Select(p => p.Embedder).SingleAsync();
        Assert.Matches($"^({ImageEmbedderNames.ResNet18}|{ImageEmbedderNames.PixelHistogram}) \\(64 px\\)$", embedder);
        Assert.Contains(_database.Logs.Entries, e => e.Message.Contains("featurized by", StringComparison.Ordinal));

        var model = await _database.Get<TrainingRunner>().RunIfDueAsync(_project.Id, CancellationToken.None);
        Assert.NotNull(model);
        Assert.Equal(8, model.LabelCount);
        Assert.Equal(2, await db.ItemRanks.CountAsync(
            r => r.ProjectId == _project.Id && r.ModelVersion == model.Version));
    }

    [Fact]
    public async Task ModelOnResNetEmbeddingsIsTrainedWithTheEmbeddingRegularization()
    {
        await _database.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);
        var model = await _database.Get<TrainingRunner>().RunIfDueAsync(_project.Id, CancellationToken.None);
        Assert.NotNull(model);

        await using var db = await _database.ContextAsync();
        Assert.StartsWith(ImageEmbedderNames.ResNet18, await db.Projects.Where(p => p.Id == _project.Id)
            .Select(p => p.Embedder).SingleAsync());
        var vectors = await _database.Get<FeatureStore>().GetAsync(_project.Id, CancellationToken.None);
        var ordinals = await db.LabelClasses.Where(c => c.ProjectId == _project.Id)
            .ToDictionaryAsync(c => c.Id, c => c.Ordinal);
        var labeled = await db.Items.Where(i => i.ProjectId == _project.Id && i.CurrentClassId != null)
            .OrderBy(i => i.Id).Select(i => new { i.Id, ClassId = i.CurrentClassId!.Value }).ToListAsync();
        var set = new LabeledSet(
            labeled.Select(i => vectors[i.Id]).ToList(), labeled.Select(i => ordinals[i.ClassId]).ToList(), 2);
        var all = vectors.Values.ToArray();
        var app = (await _database.Get<ModelCache>().LatestAsync(_project.Id, CancellationToken.None))!.Classifier;

        var embeddingL2 = new ClassifierTrainer(TrainerOptions.ForEmbedder(ImageEmbedderNames.ResNet18)).Train(
            set, CancellationToken.None);
        var tableL2 = new ClassifierTrainer(TrainerOptions.Default).Train(set, CancellationToken.None);

        var fromEmbeddingL2 = Distance(app.PredictProbabilities(all), embeddingL2.PredictProbabilities(all));
        var fromTableL2 = Distance(app.PredictProbabilities(all), tableL2.PredictProbabilities(all));
        Assert.True(fromEmbeddingL2 < 0.01, $"{fromEmbeddingL2}");
        Assert.True(fromTableL2 > 10 * fromEmbeddingL2, $"{fromTableL2} vs {fromEmbeddingL2}");
    }

    private static double Distance(float[][] a, float[][] b) =>
        a.Zip(b).Max(pair => pair.First.Zip(pair.Second).Max(p => Math.Abs(p.First - p.Second)));

    private static IEnumerable<string> SampleNumbers(string kind) =>
        Directory.GetFiles(Path.Combine(SampleFolder(), kind), "*.png")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().Take(4);

    private static string SampleFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "samples", "fashion-mnist");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }
        throw new DirectoryNotFoundException("samples/fashion-mnist not found.");
    }
}
