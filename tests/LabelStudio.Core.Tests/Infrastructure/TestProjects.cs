using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using LabelStudio.Ml;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>Creates projects and imports files through the same services the pages and the demo seeder use.</summary>
internal static class TestProjects
{
    public static readonly string[] PenguinClasses = ["Adelie", "Chinstrap", "Gentoo"];

    public static readonly string[] PenguinFeatures =
        ["Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)", "Sex"];

    public static Task<Project> CreateProjectAsync(
        this TestDatabase database,
        string name,
        IReadOnlyList<string> classes,
        int roundSize = 20,
        QueryStrategy strategy = QueryStrategy.Margin)
    {
        var draft = new ProjectDraft
        {
            Name = name,
            RoundSize = roundSize,
            Strategy = strategy,
            Classes = [.. classes.Select(c => new ClassDraft { Name = c })],
        };
        return database.Get<ProjectService>().CreateAsync(draft, userId: null, CancellationToken.None);
    }

    /// <summary>
    /// Uploads, starts and runs one import the way the import page and the worker do. Where the
    /// import worker is running it may claim the job first; then this waits for the worker's result.
    /// </summary>
    public static async Task<ImportJob> ImportAsync(
        this TestDatabase database, int projectId, string fileName, byte[] content, ImportRequest request)
    {
        var jobs = database.Get<ImportJobService>();
        using var stream = new MemoryStream(content);
        var job = await jobs.UploadAsync(projectId, fileName, stream, userId: null, CancellationToken.None);
        await jobs.StartAsync(job.Id, request, CancellationToken.None);

        var finished = await database.Get<ImportRunner>().RunAsync(job.Id, CancellationToken.None);
        return finished ?? await Eventually.WaitForAsync(async () =>
        {
            var claimed = await jobs.GetAsync(job.Id, CancellationToken.None);
            return claimed?.Status is JobStatus.Succeeded or JobStatus.Failed ? claimed : null;
        }, TimeSpan.FromSeconds(30), $"import {job.Id} run by the worker");
    }

    public static Task<ImportJob> ImportCsvAsync(
        this TestDatabase database,
        int projectId,
        string csv,
        TableImportPlan plan,
        bool addMissingClasses = false,
        string fileName = "items.csv")
    {
        var request = new ImportRequest(plan, addMissingClasses);
        return database.ImportAsync(projectId, fileName, Encoding.UTF8.GetBytes(csv), request);
    }

    /// <summary>The real Palmer penguins sample (344 birds), species hidden as ground truth as in the demo.</summary>
    public static async Task<Project> CreatePenguinsAsync(
        this TestDatabase database, int roundSize = 20, QueryStrategy strategy = QueryStrategy.Margin)
    {
        var project = await database.CreateProjectAsync("Penguins", PenguinClasses, roundSize, strategy);
        var plan = new TableImportPlan(PenguinFeatures, "Id", "Species", LabelMode.HiddenGroundTruth);
        var file = RepositoryFiles.Read("samples/penguins.csv");
        var job = await database.ImportAsync(project.Id, "penguins.csv", file, new ImportRequest(plan, false));
        return job.Status == JobStatus.Succeeded ? project : throw new InvalidOperationException(job.Message);
    }

    /// <summary>
    /// A project of <paramref name="count"/> items with two numeric features and no labels, for queue
    /// tests where the model plays no part.
    /// </summary>
    public static async Task<Project> CreateNumberedItemsAsync(
        this TestDatabase database, int count, string name = "Numbers")
    {
        var project = await database.CreateProjectAsync(name, ["Low", "High"]);
        var rows = Enumerable.Range(1, count).Select(i => $"n-{i},{i},{i * 7 % 13}");
        var csv = "Id,Value,Remainder\n" + string.Join('\n', rows) + "\n";
        var plan = new TableImportPlan(["Value", "Remainder"], IdColumn: "Id");
        var job = await database.ImportCsvAsync(project.Id, csv, plan);
        return job.Status == JobStatus.Succeeded ? project : throw new InvalidOperationException(job.Message);
    }

    /// <summary>Sets how many distinct annotators label each item, the way the settings page saves it.</summary>
    public static async Task SetOverlapAsync(
        this TestDatabase database,
        int projectId,
        int overlap,
        OverlapScope scope = OverlapScope.AllItems,
        int percent = 20)
    {
        var service = database.Get<ProjectService>();
        var project = await service.GetAsync(projectId, CancellationToken.None)
            ?? throw new InvalidOperationException($"No project {projectId}.");
        var draft = new ProjectDraft
        {
            Name = project.Name,
            RoundSize = project.RoundSize,
            Strategy = project.Strategy,
            Overlap = overlap,
            OverlapScope = scope,
            OverlapPercent = percent,
            Classes = [.. project.Classes.Select(c => new ClassDraft { Id = c.Id, Name = c.Name, Hotkey = c.Hotkey })],
        };
        await service.UpdateAsync(projectId, draft, userId: null, CancellationToken.None);
    }
}
