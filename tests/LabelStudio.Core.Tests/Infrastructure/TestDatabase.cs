using LabelStudio.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>
/// The Core services as the web app wires them, on a real SQLite file in a fresh temporary data
/// directory, with a clock the test moves by hand. Disposing stops any workers and deletes the
/// directory.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<IHostedService> _workers;
    private readonly bool _ownsDirectory;

    private TestDatabase(
        string root,
        ServiceProvider services,
        FakeTimeProvider clock,
        LogRecorder logs,
        bool withWorkers,
        bool ownsDirectory)
    {
        Root = root;
        _services = services;
        Clock = clock;
        Logs = logs;
        _workers = withWorkers ? [.. services.GetServices<IHostedService>()] : [];
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>The data directory: database file, uploads and saved models.</summary>
    public string Root { get; }

    public FakeTimeProvider Clock { get; }

    public LogRecorder Logs { get; }

    /// <param name="withWorkers">Also start the training and import workers, as the web host does.</param>
    /// <param name="configure">Extra registrations after the product's own, e.g. a command interceptor.</param>
    public static async Task<TestDatabase> CreateAsync(
        bool withWorkers = false, Action<IServiceCollection>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "labelstudio-tests", Guid.NewGuid().ToString("N"));
        var database = Build(root, new FakeTimeProvider(Start), withWorkers, configure, ownsDirectory: true);
        await database.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await database.StartWorkersAsync();
        return database;
    }

    /// <summary>A second process on the same data directory and clock: another web instance, or a restart.</summary>
    public TestDatabase OpenAnotherInstance(Action<IServiceCollection>? configure = null) =>
        Build(Root, Clock, withWorkers: false, configure, ownsDirectory: false);

    /// <summary>A restart of the whole app on the same data directory, its workers running.</summary>
    public async Task<TestDatabase> RestartWithWorkersAsync()
    {
        var restarted = Build(Root, Clock, withWorkers: true, configure: null, ownsDirectory: false);
        await restarted.StartWorkersAsync();
        return restarted;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A short-lived context of its own, as each service opens one per operation.</summary>
    public Task<AppDbContext> ContextAsync() =>
        Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.StopAsync(CancellationToken.None);
        }
        await _services.DisposeAsync();
        if (!_ownsDirectory)
        {
            return;
        }

        // Pooled connections keep the file open; only this database's pool is closed, so tests
        // running beside this one keep theirs.
        var databaseFile = Path.Combine(Root, "labelstudio.db");
        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={databaseFile};Pooling=True"));
        Directory.Delete(Root, recursive: true);
    }

    private static TestDatabase Build(
        string root,
        FakeTimeProvider clock,
        bool withWorkers,
        Action<IServiceCollection>? configure,
        bool ownsDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = root })
            .Build();
        var logs = new LogRecorder();

        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging(logging => logging
                .AddProvider(logs)
                .SetMinimumLevel(LogLevel.Debug)
                .AddFilter("Microsoft", LogLevel.Warning))
            .AddLabelStudioCore(configuration)
            // A query that takes a slice without an order reads whatever rows SQLite meets first; in
            // the app that is only a logged warning, so the tests make it fail loudly.
            .ConfigureDbContext<AppDbContext>(options => options.ConfigureWarnings(warnings =>
                warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
        if (withWorkers)
        {
            services.AddLabelStudioWorkers();
        }
        configure?.Invoke(services);

        var validated = new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true };
        var provider = services.BuildServiceProvider(validated);
        return new TestDatabase(root, provider, clock, logs, withWorkers, ownsDirectory);
    }

    private async Task StartWorkersAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.StartAsync(CancellationToken.None);
        }
    }
}
