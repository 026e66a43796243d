using LabelStudio.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>
/// The Core services as the web app wires them, on a real SQLite file in a fresh temporary data
/// directory, with a clock the test moves by hand. Disposing deletes the directory.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private TestDatabase(string root, ServiceProvider services, FakeTimeProvider clock, LogRecorder logs)
    {
        Root = root;
        _services = services;
        Clock = clock;
        Logs = logs;
    }

    /// <summary>The data directory: database file, uploads and saved models.</summary>
    public string Root { get; }

    public FakeTimeProvider Clock { get; }

    public LogRecorder Logs { get; }

    public static async Task<TestDatabase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "labelstudio-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = root })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var clock = new FakeTimeProvider(Start);
        var logs = new LogRecorder();

        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging(logging => logging
                .AddProvider(logs)
                .SetMinimumLevel(LogLevel.Debug)
                .AddFilter("Microsoft", LogLevel.Warning))
            .AddLabelStudioCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var database = new TestDatabase(root, services, clock, logs);
        await database.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return database;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A short-lived context of its own, as each service opens one per operation.</summary>
    public Task<AppDbContext> ContextAsync() =>
        Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        var databaseFile = Path.Combine(Root, "labelstudio.db");
        await _services.DisposeAsync();

        // Pooled connections keep the file open; only this database's pool is closed, so tests
        // running beside this one keep theirs.
        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={databaseFile};Pooling=True"));
        Directory.Delete(Root, recursive: true);
    }
}
