using System.Text.RegularExpressions;
using LabelStudio.Core.Data;
using LabelStudio.Core.Items;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Teams;
using LabelStudio.Core.Tests.Infrastructure;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Core.Tests.Labeling;

/// <summary>
/// What the server does per key press must not grow with the project: every query of the label
/// save, the next lease, the item read, the status line and the annotator's own counts is checked
/// against SQLite's plan for it.
/// </summary>
public sealed partial class KeyPressQueryPlanTests : IAsyncLifetime
{
    private readonly QueryPlans _plans = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(configure: services =>
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(_plans)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AKeyPressNeverWalksEveryItemOfTheProject()
    {
        var plans = await KeyPressPlansAsync();

        var walks = plans.Where(WalksAllItems).ToList();
        Assert.True(walks.Count == 0, "Per key press, these read every item:\n" + string.Join("\n", walks));
    }

    [Fact]
    public async Task AnAnnotatorsOwnCountsReadOnlyTheirOwnEvents()
    {
        var plans = await KeyPressPlansAsync();

        var own = plans.Where(p => p.Sql.Contains("\"UserId\" = @", StringComparison.Ordinal)
            && p.Sql.Contains("FROM \"LabelEvents\"", StringComparison.Ordinal)
            && p.Sql.Contains("DISTINCT", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, own.Count);
        Assert.All(own, p => Assert.Contains(p.Lines, line => line.Contains("UserId=?", StringComparison.Ordinal)));
    }

    /// <summary>Penguins with a first model, then one key press recorded as the labeling page makes it.</summary>
    private async Task<IReadOnlyList<QueryPlan>> KeyPressPlansAsync()
    {
        var project = await _database.CreatePenguinsAsync(roundSize: 20);
        var alice = new Annotator(_database, project.Id, "alice");
        await alice.LabelNextTruthfullyAsync(20);
        await _database.Get<TrainingScheduler>().RequestAsync(project.Id, CancellationToken.None);
        Assert.NotNull(await _database.Get<TrainingRunner>().RunIfDueAsync(project.Id, CancellationToken.None));

        _plans.Start();
        var labeled = await alice.LabelNextTruthfullyAsync();
        var next = await alice.NextAsync();
        await _database.Get<ItemReader>().ReadAsync(project.Id, next!.ItemId, CancellationToken.None);
        await _database.Get<ProjectStatusService>().GetAsync(project.Id, CancellationToken.None);
        await _database.Get<AnnotatorProgressService>().GetAsync(project.Id, alice.UserId, CancellationToken.None);

        Assert.NotNull(labeled);
        return await _plans.ExplainAsync(_database);
    }

    /// <summary>
    /// A full scan of a table, or a search of a table with a row per item bounded by the project alone:
    /// both read every item of the project. Scans of a subquery's own result (a co-routine) are fine.
    /// </summary>
    private static bool WalksAllItems(QueryPlan plan)
    {
        var subqueries = plan.Lines.Select(line => CoRoutine().Match(line))
            .Where(m => m.Success)
            .Select(m => $"SCAN {m.Groups[1].Value}")
            .ToHashSet();
        return plan.Lines.Any(line => !subqueries.Contains(line) && WholeTable().IsMatch(line));
    }

    // Plans name tables by their query alias, indexes by their table.
    [GeneratedRegex(@"^SCAN (?!CONSTANT ROW)|INDEX IX_(Items|ItemRanks|ItemFeatures)_\w+ \(ProjectId=\?\)$")]
    private static partial Regex WholeTable();

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (\w+)$")]
    private static partial Regex CoRoutine();
}
