using LabelStudio.Core;
using LabelStudio.Core.Data;
using LabelStudio.Core.Projects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Cli.Data;

/// <summary>
/// The web app's Core services over a data directory, without the web app: the CLI's import and
/// export run the same code the pages do, inline instead of on the background workers.
/// </summary>
internal sealed class DataDirectoryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DataDirectoryHost(ServiceProvider services) => _services = services;

    public static async Task<DataDirectoryHost> OpenAsync(string dataDirectory, CancellationToken ct)
    {
        if (!Directory.Exists(dataDirectory))
        {
            throw new CliInputException($"--data-dir: the folder '{dataDirectory}' does not exist.");
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddLabelStudioCore(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        return new DataDirectoryHost(services);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A project by id, or by name ignoring case.</summary>
    public async Task<int> FindProjectAsync(string reference, CancellationToken ct)
    {
        var projects = await Get<ProjectService>().ListAsync(memberId: null, ct);
        var found = int.TryParse(reference, out var id)
            ? projects.FirstOrDefault(p => p.Id == id)
            : projects.FirstOrDefault(p => string.Equals(p.Name, reference, StringComparison.OrdinalIgnoreCase));
        return found?.Id ?? throw new CliInputException(
            $"--project: no project '{reference}'; projects here: "
            + (projects.Count == 0 ? "none" : string.Join(", ", projects.Select(p => $"{p.Id} {p.Name}"))));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
