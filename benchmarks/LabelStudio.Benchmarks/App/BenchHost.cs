using LabelStudio.Core;
using LabelStudio.Core.Data;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Benchmarks.App;

/// <summary>The product's Core services over a fresh SQLite file in a temporary data directory.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string _directory;

    private BenchHost(string directory, ServiceProvider services)
    {
        _directory = directory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Where the SQLite file and the rest of the data directory live.</summary>
    public string Directory => _directory;

    /// <summary>Leaves the data directory on disk after the run, e.g. to inspect the database.</summary>
    public bool Keep { get; set; }

    public static async Task<BenchHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"labelstudio-bench-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory })
            .Build();
        var services = new ServiceCollection().AddLogging().AddLabelStudioCore(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return new BenchHost(directory, services);
    }

    /// <summary>
    /// Creates a project with the given classes and imports a file into it through the product's import path.
    /// </summary>
    public async Task<int> CreateProjectAsync(
        string name, IReadOnlyList<string> classes, string file, TableImportPlan plan)
    {
        var draft = new ProjectDraft
        {
            Name = name,
            Classes = classes.Select(c => new ClassDraft { Name = c }).ToList(),
        };
        var project = await Get<ProjectService>().CreateAsync(draft, userId: null, CancellationToken.None);
        await ImportAsync(project.Id, file, plan);
        return project.Id;
    }

    public async Task<ImportJobOutcome> ImportAsync(int projectId, string file, TableImportPlan plan)
    {
        var imports = Get<ImportJobService>();
        await using var stream = File.OpenRead(file);
        var job = await imports.UploadAsync(
            projectId, Path.GetFileName(file), stream, userId: null, CancellationToken.None);
        await imports.StartAsync(job.Id, new ImportRequest(plan, AddMissingClasses: true), CancellationToken.None);
        var done = await Get<ImportRunner>().RunAsync(job.Id, CancellationToken.None);
        return new ImportJobOutcome(
            done?.Status.ToString() ?? "missing", done?.ImportedCount ?? 0, done?.Message ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!Keep)
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }
}

internal sealed record ImportJobOutcome(string Status, int ImportedCount, string Message);
