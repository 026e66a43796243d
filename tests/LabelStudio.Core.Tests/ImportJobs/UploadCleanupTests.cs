using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.ImportJobs;

public sealed class UploadCleanupTests
{
    private static readonly TableImportPlan Plan = new(["x"], IdColumn: "id");

    [Fact]
    public async Task ASucceededImportLeavesNoUploadBehind()
    {
        await using var database = await TestDatabase.CreateAsync();
        var project = await database.CreateProjectAsync("Clean", ["a", "b"]);

        var job = await database.ImportCsvAsync(project.Id, "id,x\n1,2\n2,3\n", Plan);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.False(File.Exists(Path.Combine(database.Root, job.StoredPath)));
    }

    [Fact]
    public async Task AFailedImportLeavesNoUploadBehindButKeepsItsProblems()
    {
        await using var database = await TestDatabase.CreateAsync();
        var project = await database.CreateProjectAsync("Clean", ["a", "b"]);

        var job = await database.ImportCsvAsync(project.Id, "id,x\n1,2\n1,3\n", Plan);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.NotNull(job.ErrorsJson);
        Assert.False(File.Exists(Path.Combine(database.Root, job.StoredPath)));
    }

    [Fact]
    public async Task TheSweepDeletesUploadsADayOldThatNoQueuedImportNeeds()
    {
        await using var database = await TestDatabase.CreateAsync();
        var project = await database.CreateProjectAsync("Clean", ["a", "b"]);
        var jobs = database.Get<ImportJobService>();
        var abandoned = await UploadAsync(jobs, project.Id);
        var queued = await UploadAsync(jobs, project.Id);
        await jobs.StartAsync(queued.Id, new ImportRequest(Plan, false), CancellationToken.None);
        var fresh = await UploadAsync(jobs, project.Id);
        Age(database, abandoned, queued);

        var deleted = await database.Get<UploadCleaner>().DeleteOrphansAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(Path.Combine(database.Root, abandoned.StoredPath)));
        Assert.True(File.Exists(Path.Combine(database.Root, queued.StoredPath)));
        Assert.True(File.Exists(Path.Combine(database.Root, fresh.StoredPath)));
    }

    private static async Task<ImportJob> UploadAsync(ImportJobService jobs, int projectId)
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("id,x\n1,2\n"));
        return await jobs.UploadAsync(projectId, "a.csv", file, userId: null, CancellationToken.None);
    }

    /// <summary>Files carry the real clock's time; the test clock stands at a fixed date, so set both.</summary>
    private static void Age(TestDatabase database, params ImportJob[] jobs)
    {
        var old = TestDatabase.Start.UtcDateTime - UploadCleaner.OrphanAge - TimeSpan.FromMinutes(1);
        foreach (var job in jobs)
        {
            File.SetLastWriteTimeUtc(Path.Combine(database.Root, job.StoredPath), old);
        }
    }
}
