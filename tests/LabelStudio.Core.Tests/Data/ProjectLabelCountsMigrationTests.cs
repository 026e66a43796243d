using LabelStudio.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LabelStudio.Core.Tests.Data;

/// <summary>
/// A database made before the projects kept their label counts already holds label events: the
/// migration that adds the counts must start each project from its true ones.
/// </summary>
public sealed class ProjectLabelCountsMigrationTests : IDisposable
{
    private const string MigrationBeforeCounts = "20261204214304_ItemCountAndOwnProgressIndex";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"labelstudio-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task MigrationCountsTheLabelEventsAlreadyThere()
    {
        await using var db = Open();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(MigrationBeforeCounts);
        await db.Database.ExecuteSqlRawAsync(OldProjectsWithEvents);

        await migrator.MigrateAsync();

        var counts = await db.Projects.OrderBy(p => p.Id)
            .Select(p => new { p.Name, p.LabelsGiven, p.LabelsImported })
            .ToListAsync();
        Assert.Equal(
            [new { Name = "Mixed", LabelsGiven = 3, LabelsImported = 1 },
             new { Name = "Imported", LabelsGiven = 2, LabelsImported = 2 },
             new { Name = "Empty", LabelsGiven = 0, LabelsImported = 0 }],
            counts);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private AppDbContext Open() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_file}").Options);

    /// <summary>
    /// "Mixed": one imported label, two annotators' labels, a skip and a review; "Imported": two imported
    /// labels; "Empty": no events. Written with the columns the tables had before the counts.
    /// </summary>
    private const string OldProjectsWithEvents = """
        INSERT INTO "Projects" ("Id", "Name", "Description", "DataKind", "Instructions", "RoundSize", "Strategy",
            "ShowSuggestions", "Overlap", "OverlapScope", "OverlapPercent", "FinalLabelRule", "AutoplayAudio",
            "ColumnsJson", "QueueVersion", "ItemCount", "CreatedAt")
        VALUES (1, 'Mixed', '', 'Table', '', 20, 'Margin', 0, 2, 'AllItems', 20, 'Majority', 1, '[]', 0, 3, 0),
               (2, 'Imported', '', 'Table', '', 20, 'Margin', 0, 1, 'AllItems', 20, 'Majority', 1, '[]', 0, 2, 0),
               (3, 'Empty', '', 'Table', '', 20, 'Margin', 0, 1, 'AllItems', 20, 'Majority', 1, '[]', 0, 0, 0);
        INSERT INTO "LabelClasses" ("Id", "ProjectId", "Name", "Ordinal", "Color", "Hotkey")
        VALUES (1, 1, 'Low', 0, '#000000', '1'), (2, 2, 'Low', 0, '#000000', '1');
        INSERT INTO "Items" ("Id", "ProjectId", "ExternalId", "Ordinal", "DataJson", "LabelSource", "VoteCount",
            "LabelCount")
        VALUES (1, 1, 'a', 0, '{{}}', 'Single', 1, 0), (2, 1, 'b', 1, '{{}}', 'Review', 2, 2),
               (3, 1, 'c', 2, '{{}}', 'None', 0, 0), (4, 2, 'd', 0, '{{}}', 'Single', 1, 0),
               (5, 2, 'e', 1, '{{}}', 'Single', 1, 0);
        INSERT INTO "LabelEvents" ("Id", "ProjectId", "ItemId", "UserId", "Kind", "ClassId", "CreatedAt",
            "SecondsSpent", "Round", "ModelVersion", "Strategy", "SuggestionShown")
        VALUES (1, 1, 1, '', 'Label', 1, 0, 0, 0, 0, 'Margin', 0),
               (2, 1, 2, 'alice', 'Label', 1, 0, 1, 1, 0, 'Margin', 0),
               (3, 1, 2, 'bob', 'Label', 1, 0, 1, 1, 0, 'Margin', 0),
               (4, 1, 3, 'alice', 'Skip', NULL, 0, 1, 1, 0, 'Margin', 0),
               (5, 1, 2, 'lead', 'Review', 1, 0, 0, 1, 0, 'Margin', 0),
               (6, 2, 4, '', 'Label', 2, 0, 0, 0, 0, 'Margin', 0),
               (7, 2, 5, '', 'Label', 2, 0, 0, 0, 0, 'Margin', 0);
        """;
}
