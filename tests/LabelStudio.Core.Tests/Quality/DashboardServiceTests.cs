using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Quality;

/// <summary>The dashboard's figures from real label events on a real SQLite file.</summary>
public sealed class DashboardServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;
    private List<int> _classes = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateNumberedItemsAsync(10);
        _classes = await _database.ClassIdsAsync(_project.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AFirstSessionOfAFewMinutesIsChartedMinuteByMinute()
    {
        await LabelAsync("alice", "n-1");
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await LabelAsync("alice", "n-2");
        _database.Clock.Advance(TimeSpan.FromMinutes(2));
        await LabelAsync("alice", "n-3");

        var snapshot = await BuildAsync();

        Assert.All(snapshot.Timeline, p => Assert.Equal(TimeSpan.FromMinutes(1), p.Period));
        Assert.Equal([1, 2, 3], snapshot.Timeline.Select(p => p.Cumulative));
        Assert.Single(snapshot.Daily);
    }

    [Fact]
    public async Task AtOverlapTwoTheTimeLeftCountsTwoLabelsForEveryUntouchedItem()
    {
        await _database.SetOverlapAsync(_project.Id, 2);
        await LabelAsync("alice", "n-1");
        await LabelAsync("bob", "n-1");
        await LabelAsync("alice", "n-2");

        var left = (await BuildAsync()).TimeLeft;

        // Eight untouched items need two labels each, n-2 needs bob's; every label took 2.5 s.
        Assert.Equal(8, left.RemainingItems);
        Assert.Equal(17, left.RemainingLabels);
        Assert.Equal(17 * 2.5 / 3600, left.LabelingHours!.Value, 6);
        Assert.Equal(17 / 3.0, left.Days!.Value, 6);
    }

    private Task<DashboardSnapshot> BuildAsync() =>
        _database.Get<DashboardService>().BuildAsync(_project.Id, CancellationToken.None);

    private async Task LabelAsync(string user, string externalId)
    {
        var item = await _database.ItemIdAsync(_project.Id, externalId);
        await new Annotator(_database, _project.Id, user).LabelAsync(item, _classes[0]);
    }
}
