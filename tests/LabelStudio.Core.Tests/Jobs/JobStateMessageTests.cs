using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Jobs;

/// <summary>
/// Import and export jobs share one life (queued, claimed by a worker, running, finished), and at no
/// write may the state and the message a user reads contradict each other: a queued job says it waits,
/// a running one never does. A trigger records every state and message each job row passes through.
/// </summary>
public sealed class JobStateMessageTests : IAsyncLifetime
{
    private const string Waiting = "Waiting to start";
    // Every insert and update of a job row, in order, with the state and message it left behind.
    private const string StateLog = """
        CREATE TABLE JobStateLog (Id INTEGER PRIMARY KEY AUTOINCREMENT, Kind TEXT, Status TEXT, Message TEXT);
        CREATE TRIGGER ImportJobsInserted AFTER INSERT ON ImportJobs BEGIN
            INSERT INTO JobStateLog (Kind, Status, Message) VALUES ('ImportJobs', NEW.Status, NEW.Message); END;
        CREATE TRIGGER ImportJobsUpdated AFTER UPDATE ON ImportJobs BEGIN
            INSERT INTO JobStateLog (Kind, Status, Message) VALUES ('ImportJobs', NEW.Status, NEW.Message); END;
        CREATE TRIGGER ExportJobsInserted AFTER INSERT ON ExportJobs BEGIN
            INSERT INTO JobStateLog (Kind, Status, Message) VALUES ('ExportJobs', NEW.Status, NEW.Message); END;
        CREATE TRIGGER ExportJobsUpdated AFTER UPDATE ON ExportJobs BEGIN
            INSERT INTO JobStateLog (Kind, Status, Message) VALUES ('ExportJobs', NEW.Status, NEW.Message); END;
        """;

    private static readonly TableImportPlan MassPlan = new(["Mass"], IdColumn: "Id");

    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateProjectAsync("Jobs", ["Adelie", "Gentoo"]);
        await using var db = await _database.ContextAsync();
        await db.Database.ExecuteSqlRawAsync(StateLog);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AnImportWaitsWhileQueuedAndNeverRunsWhileSayingItWaits()
    {
        var job = await _database.ImportCsvAsync(_project.Id, "Id,Mass\nb1,3.5\nb2,4.0\n", MassPlan);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        AssertAgree(await StatesAsync("ImportJobs"));
    }

    [Fact]
    public async Task ARefusedImportWaitsWhileQueuedAndNeverRunsWhileSayingItWaits()
    {
        var job = await _database.ImportCsvAsync(_project.Id, "Id,Mass\nb1,3.5\nb1,4.0\n", MassPlan);

        Assert.Equal(JobStatus.Failed, job.Status);
        AssertAgree(await StatesAsync("ImportJobs"));
    }

    [Fact]
    public async Task AnExportWaitsWhileQueuedAndNeverRunsWhileSayingItWaits()
    {
        await _database.ImportCsvAsync(_project.Id, "Id,Mass\nb1,3.5\n", MassPlan);

        var package = await _database.ExportAsync(_project.Id, new ExportOptions(ExportFormat.Csv));

        Assert.Equal(ExportStatus.Succeeded, package.Job.Status);
        AssertAgree(await StatesAsync("ExportJobs"));
    }

    /// <summary>The job was seen queued and running, and every state it showed matched its message.</summary>
    private static void AssertAgree(IReadOnlyList<(string Status, string Message)> states)
    {
        Assert.Contains(("Queued", Waiting), states);
        Assert.Contains(states, s => s.Status == "Running");
        Assert.All(states, s => Assert.True(
            (s.Status == "Queued") == (s.Message == Waiting), $"The job read {s.Status}: \"{s.Message}\"."));
    }

    private async Task<IReadOnlyList<(string Status, string Message)>> StatesAsync(string table)
    {
        await using var db = await _database.ContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Status, Message FROM JobStateLog WHERE Kind = '{table}' ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var states = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            states.Add((reader.GetString(0), reader.GetString(1)));
        }
        return states;
    }
}
