using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Ml.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Tests.Media;

/// <summary>
/// A project keeps the embedder and input size its first vectors came from, so vectors of different kinds are
/// never mixed: not when a larger image arrives, not when ResNet18 fails to load after a restart, not when it
/// becomes loadable later.
/// </summary>
public sealed class ImageEmbedderChoiceTests : IAsyncLifetime
{
    private const string ResNetAt64 = $"{ImageEmbedderNames.ResNet18} (64 px)";
    private const string FallbackAt64 = $"{ImageEmbedderNames.PixelHistogram} (64 px)";
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateImageProjectAsync("Clothes", "sneaker", "trouser");
        await ImportAsync(_database, "first", 4);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task LargerImageArrivingLaterKeepsTheInputSizeAndTheVectorsAlreadyMade()
    {
        await _database.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);
        var before = await VectorsAsync(_database);
        Assert.Equal(ResNetAt64, await EmbedderAsync(_database));

        var photo = TestImages.Zip(("photo.png", TestImages.Png(300, 200)));
        Assert.Equal(JobStatus.Succeeded, (await _database.ImportZipAsync(_project.Id, photo)).Status);
        await _database.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);

        Assert.Equal(ResNetAt64, await EmbedderAsync(_database));
        var after = await VectorsAsync(_database);
        Assert.Equal(5, after.Count);
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }

    [Fact]
    public async Task ResNetProjectWaitsWithoutMixingWhileResNetCannotLoadAfterARestart()
    {
        await _database.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);
        var before = await VectorsAsync(_database);

        await using (var broken = _database.OpenAnotherInstance(WithoutTheModel))
        {
            await ImportAsync(broken, "second", 2);
            await broken.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);

            Assert.Equal(ResNetAt64, await EmbedderAsync(broken));
            Assert.Equal(before, await VectorsAsync(broken));
            var status = (await broken.Get<ProjectStatusService>().GetAsync(_project.Id, CancellationToken.None))
                .Features!;
            Assert.Equal(4, status.WithFeatures);
            Assert.Contains("could not load", status.Waiting);
            Assert.Contains(_project.Id, await broken.Get<ImageFeaturizer>().DueProjectsAsync(CancellationToken.None));
        }

        await using var restored = _database.OpenAnotherInstance();
        await restored.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);

        var after = await VectorsAsync(restored);
        Assert.Equal(6, after.Count);
        Assert.All(after.Values, vector => Assert.Equal(512 * sizeof(float), vector.Length));
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        var features = (await restored.Get<ProjectStatusService>().GetAsync(_project.Id, CancellationToken.None))
            .Features!;
        Assert.Null(features.Waiting);
    }

    [Fact]
    public async Task WaitingProjectRetriesTheNetworkOnlyAfterTheRetryIntervalAndThenCarriesOn()
    {
        await _database.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);
        await using var instance = _database.OpenAnotherInstance(WithoutTheModel);
        await ImportAsync(instance, "second", 2);
        var featurizer = instance.Get<ImageFeaturizer>();
        await featurizer.RunAsync(_project.Id, CancellationToken.None);
        Assert.Equal(4, (await VectorsAsync(instance)).Count);

        // The model file is back, but the last failure is recent: no new attempt yet.
        var options = instance.Get<IOptions<ImageFeatureOptions>>().Value;
        options.ModelPath = null;
        instance.Clock.Advance(options.RetryAfter / 2);
        await featurizer.RunAsync(_project.Id, CancellationToken.None);
        Assert.Equal(4, (await VectorsAsync(instance)).Count);

        instance.Clock.Advance(options.RetryAfter);
        await featurizer.RunAsync(_project.Id, CancellationToken.None);

        var after = await VectorsAsync(instance);
        Assert.Equal(6, after.Count);
        Assert.All(after.Values, vector => Assert.Equal(512 * sizeof(float), vector.Length));
        Assert.Equal(ResNetAt64, await EmbedderAsync(instance));
    }

    [Fact]
    public async Task ProjectStartedOnTheFallbackKeepsItWhenResNetBecomesLoadable()
    {
        await using (var broken = _database.OpenAnotherInstance(WithoutTheModel))
        {
            await broken.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);
            Assert.Equal(FallbackAt64, await EmbedderAsync(broken));
        }
        var before = await VectorsAsync(_database);

        await ImportAsync(_database, "second", 2);
        await _database.Get<ImageFeaturizer>().RunAsync(_project.Id, CancellationToken.None);

        Assert.Equal(FallbackAt64, await EmbedderAsync(_database));
        var after = await VectorsAsync(_database);
        Assert.Equal(6, after.Count);
        Assert.Single(after.Values.Select(v => v.Length).Distinct());
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }

    private static void WithoutTheModel(IServiceCollection services) =>
        services.Configure<ImageFeatureOptions>(o => o.ModelPath = "/nonexistent/ResNet18.onnx");

    private async Task ImportAsync(TestDatabase database, string folder, int count)
    {
        var sneakers = Directory.GetFiles(Path.Combine(RepositoryFiles.Folder("samples/fashion-mnist"), "sneaker"))
            .Order().Take(count).Select(File.ReadAllBytes);
        var zip = TestImages.Zip([.. sneakers.Select((bytes, i) => ($"{folder}/{i}.png", bytes))]);
        Assert.Equal(JobStatus.Succeeded, (await database.ImportZipAsync(_project.Id, zip)).Status);
    }

    private async Task<string?> EmbedderAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.Projects.Where(p => p.Id == _project.Id).Select(p => p.Embedder).SingleAsync();
    }

    private async Task<Dictionary<long, byte[]>> VectorsAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.ItemFeatures.Where(f => f.ProjectId == _project.Id)
            .ToDictionaryAsync(f => f.ItemId, f => f.Vector);
    }
}
