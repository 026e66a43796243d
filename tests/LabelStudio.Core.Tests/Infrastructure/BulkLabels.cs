using System.Text.Json;
using System.Text.RegularExpressions;
using LabelStudio.Core.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>
/// Writes many items and label events straight into the tables in one transaction, for tests about
/// size where going through the labeling service item by item would take minutes.
/// </summary>
internal static class BulkLabels
{
    /// <summary>Adds items with a long note, each labeled by two annotators; the second label is current.</summary>
    public static async Task AddLabeledItemsAsync(
        this TestDatabase database, int projectId, int itemCount, int classId, string note)
    {
        await using var db = await database.ContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var firstOrdinal = await db.Items.CountAsync(i => i.ProjectId == projectId);
        var nextItemId = (await db.Items.MaxAsync(i => (long?)i.Id) ?? 0) + 1;
        var nextEventId = (await db.LabelEvents.MaxAsync(e => (long?)e.Id) ?? 0) + 1;

        var item = Command(connection, transaction, """
            INSERT INTO Items (Id, ProjectId, ExternalId, Ordinal, DataJson, CurrentClassId, CurrentLabelEventId)
            VALUES ($id, $project, $external, $ordinal, $data, $class, $event)
            """);
        var labelEvent = Command(connection, transaction, $"""
            INSERT INTO LabelEvents (Id, ProjectId, ItemId, UserId, Kind, ClassId, CreatedAt, SecondsSpent, Round,
                ModelVersion, Strategy, SuggestionShown)
            VALUES ($id, $project, $item, $user, '{LabelEventKind.Label}', $class, $at, 2.5, 1, 0, 'Margin', 0)
            """);
        for (var i = 0; i < itemCount; i++)
        {
            var itemId = nextItemId + i;
            var data = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Id"] = $"bulk-{i}", ["Note"] = $"{note} {i}", ["Mass"] = (i % 97).ToString(),
            });
            Run(item, itemId, projectId, $"bulk-{i}", firstOrdinal + i, data, classId, nextEventId + 1);
            Run(labelEvent, nextEventId, projectId, itemId, "alice", classId, TestDatabase.Start.UtcTicks + i);
            Run(labelEvent, nextEventId + 1, projectId, itemId, "bob", classId, TestDatabase.Start.UtcTicks + i + 1);
            nextEventId += 2;
        }
        await transaction.CommitAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Binds the values to the command's parameters in the order they first appear, then runs it.</summary>
    private static void Run(SqliteCommand command, params object[] values)
    {
        if (command.Parameters.Count == 0)
        {
            var names = Regex.Matches(command.CommandText, @"\$\w+").Select(m => m.Value).Distinct();
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            command.Prepare();
        }
        for (var p = 0; p < values.Length; p++)
        {
            command.Parameters[p].Value = values[p];
        }
        command.ExecuteNonQuery();
    }
}
