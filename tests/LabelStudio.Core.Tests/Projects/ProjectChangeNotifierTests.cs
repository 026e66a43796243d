using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Teams;
using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Projects;

/// <summary>Committed writes to what a project's pages show reach that project's listeners, and only then.</summary>
public sealed class ProjectChangeNotifierTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _project = await _database.CreateNumberedItemsAsync(4);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ALabelIsAnnouncedOnlyOnceItsTransactionHasCommitted()
    {
        var visibleWhenAnnounced = new List<int>();
        using var _ = Notifier.Subscribe(_project.Id, () => visibleWhenAnnounced.Add(CountLabelEventsElsewhere()));
        var item = await _database.ItemIdAsync(_project.Id, "n-1");
        var classes = await _database.ClassIdsAsync(_project.Id);

        await new Annotator(_database, _project.Id, "alice").LabelAsync(item, classes[0]);

        Assert.Equal([1], visibleWhenAnnounced);
    }

    [Fact]
    public async Task ARolledBackWriteIsNeverAnnounced()
    {
        var announced = 0;
        using var _ = Notifier.Subscribe(_project.Id, () => announced++);

        await using (var db = await _database.ContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            ActivityLog.Add(db, _project.Id, ActivityType.Settings, null, "never happened", _database.Clock);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        await using (var db = await _database.ContextAsync())
        {
            ActivityLog.Add(db, _project.Id, ActivityType.Settings, null, "happened", _database.Clock);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, announced);
    }

    [Fact]
    public async Task ReviewsMembersAndSettingsAreAnnouncedToTheirProjectAlone()
    {
        var other = await _database.CreateProjectAsync("Other", ["Yes", "No"]);
        var (mine, theirs) = (0, 0);
        using var a = Notifier.Subscribe(_project.Id, () => mine++);
        using var b = Notifier.Subscribe(other.Id, () => theirs++);
        var classes = await _database.ClassIdsAsync(_project.Id);
        var item = await _database.ItemIdAsync(_project.Id, "n-2");
        await _database.SetOverlapAsync(_project.Id, 2);
        var beforeVotes = mine;
        await new Annotator(_database, _project.Id, "alice").LabelAsync(item, classes[0]);
        await new Annotator(_database, _project.Id, "bob").LabelAsync(item, classes[1]);
        var afterVotes = mine - beforeVotes;

        await _database.Get<ReviewService>().DecideAsync(
            new ReviewDecision(_project.Id, item, "lead", classes[1], null), CancellationToken.None);
        var afterReview = mine;
        await _database.SetOverlapAsync(_project.Id, 3);
        var afterSettings = mine;

        Assert.Equal(2, afterVotes);
        Assert.True(afterReview > beforeVotes + afterVotes, "a review is announced");
        Assert.True(afterSettings > afterReview, "a settings change is announced");
        Assert.Equal(0, theirs);
    }

    [Fact]
    public void ADisposedSubscriptionHearsNothingMore()
    {
        var heard = 0;
        var subscription = Notifier.Subscribe(_project.Id, () => heard++);
        Notifier.Notify(_project.Id);

        subscription.Dispose();
        Notifier.Notify(_project.Id);

        Assert.Equal(1, heard);
        Assert.Equal(0, Notifier.ListenerCount(_project.Id));
    }

    private ProjectChangeNotifier Notifier => _database.Get<ProjectChangeNotifier>();

    /// <summary>What another connection sees, synchronously: the listener runs on the writer's thread.</summary>
    private int CountLabelEventsElsewhere()
    {
        using var db = _database.ContextAsync().GetAwaiter().GetResult();
        return db.LabelEvents.Count(e => e.ProjectId == _project.Id);
    }
}
