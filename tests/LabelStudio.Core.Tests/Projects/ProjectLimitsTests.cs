using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Projects;

/// <summary>Name lengths and the class count have limits the service enforces for the page, API and imports.</summary>
public sealed class ProjectLimitsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AProjectNameOverTheLimitIsRefusedNamingTheFieldAndTheLimit()
    {
        var failure = await Assert.ThrowsAsync<ProjectSettingsException>(
            () => _database.CreateProjectAsync(new string('n', 5000), ["a", "b"]));

        var problem = Assert.Single(failure.Problems);
        Assert.Equal($"The project name is 5,000 characters long; the limit is {ProjectRules.MaxNameLength}.", problem);
    }

    [Fact]
    public async Task AClassNameOverTheLimitIsRefusedNamingTheFieldAndTheLimit()
    {
        var failure = await Assert.ThrowsAsync<ProjectSettingsException>(
            () => _database.CreateProjectAsync("Long class", ["a", new string('b', 3000)]));

        var problem = Assert.Single(failure.Problems);
        Assert.StartsWith("The class name 'bbbbbbbbbb", problem);
        Assert.EndsWith($"is 3,000 characters long; the limit is {ProjectRules.MaxClassNameLength}.", problem);
        Assert.True(problem.Length < 200, "the message quotes only the start of the name");
    }

    [Fact]
    public async Task MoreClassesThanTheLimitAreRefused()
    {
        string[] classes = [.. Enumerable.Range(0, 200).Select(i => $"c{i}")];

        var failure = await Assert.ThrowsAsync<ProjectSettingsException>(
            () => _database.CreateProjectAsync("Many", classes));

        Assert.Equal([$"A project can have at most {ProjectRules.MaxClasses} classes; this one has 200."],
            failure.Problems);
    }

    [Fact]
    public async Task NamesAtTheLimitsAreAccepted()
    {
        string[] classes =
        [
            new string('a', ProjectRules.MaxClassNameLength),
            .. Enumerable.Range(1, ProjectRules.MaxClasses - 1).Select(i => $"c{i}"),
        ];

        var project = await _database.CreateProjectAsync(new string('n', ProjectRules.MaxNameLength), classes);

        Assert.Equal(ProjectRules.MaxClasses, project.Classes.Count);
    }

    [Fact]
    public async Task AnImportAddingClassesPastTheLimitsImportsNothing()
    {
        var project = await _database.CreateProjectAsync("Grow", ["a", "b"]);
        var longName = new string('x', ProjectRules.MaxClassNameLength + 1);
        var rows = Enumerable.Range(0, ProjectRules.MaxClasses)
            .Select(i => $"r{i},{i},new{i}")
            .Append($"rx,9,{longName}");
        var csv = "Id,Size,Kind\n" + string.Join("\n", rows) + "\n";

        var job = await _database.ImportCsvAsync(
            project.Id, csv, new TableImportPlan(["Size"], "Id", "Kind"), addMissingClasses: true);

        Assert.Equal((JobStatus.Failed, 0), (job.Status, job.ImportedCount));
        Assert.Contains($"the limit is {ProjectRules.MaxClassNameLength}", job.ErrorsJson);
        Assert.Contains($"at most {ProjectRules.MaxClasses} classes", job.ErrorsJson);
        var after = await _database.Get<ProjectService>().GetAsync(project.Id, CancellationToken.None);
        Assert.Equal(2, after!.Classes.Count);
    }
}
