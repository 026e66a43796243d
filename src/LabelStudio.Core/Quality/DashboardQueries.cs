using System.Data;
using System.Data.Common;
using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Quality;

/// <summary>
/// The dashboard's reads: item counts grouped in SQLite over covering indexes, and one ordered,
/// index-only read of the label events that .NET folds into every per-annotator figure.
/// </summary>
internal sealed class DashboardQueries(AppDbContext db, int projectId)
{
    /// <summary>Item counts by <see cref="Data.Entities.LabelSource"/> name.</summary>
    public async Task<Dictionary<string, int>> ItemStatesAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(
            """SELECT "LabelSource", COUNT(*) FROM "Items" WHERE "ProjectId" = $project GROUP BY "LabelSource" """,
            r => (Source: r.GetString(0), Count: r.GetInt32(1)),
            cancellationToken)).ToDictionary(x => x.Source, x => x.Count);

    /// <summary>Final labels per class id.</summary>
    public async Task<Dictionary<int, int>> FinalLabelsAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(
            """
            SELECT "CurrentClassId", COUNT(*) FROM "Items"
            WHERE "ProjectId" = $project AND "CurrentClassId" IS NOT NULL GROUP BY "CurrentClassId"
            """,
            r => (ClassId: r.GetInt32(0), Count: r.GetInt32(1)),
            cancellationToken)).ToDictionary(x => x.ClassId, x => x.Count);

    /// <summary>
    /// Labels the items still need under the overlap: every label for an item nobody labeled, the
    /// missing ones for an item fewer annotators labeled than the overlap. Disputed items need a review,
    /// not labels. <paramref name="share"/> is the part of the items the overlap covers (1, or the
    /// top-uncertain percentage, an expectation since which items that is keeps changing).
    /// </summary>
    public async Task<double> LabelsStillNeededAsync(int overlap, double share, CancellationToken cancellationToken)
    {
        var counts = await ReadAsync(
            """
            SELECT COALESCE(SUM("LabelSource" = 'None'), 0),
                   COALESCE(SUM(CASE WHEN "LabelCount" > 0 AND "LabelCount" < $overlap
                                     AND "LabelSource" IN ('Single', 'Majority')
                                     THEN $overlap - "LabelCount" ELSE 0 END), 0)
            FROM "Items" WHERE "ProjectId" = $project
            """,
            r => (Fresh: r.GetInt64(0), Missing: r.GetInt64(1)),
            cancellationToken,
            ("$overlap", overlap));
        var (fresh, missing) = counts[0];
        return fresh * (1 + (overlap - 1) * share) + missing * share;
    }

    /// <summary>
    /// Every label event of the project in (item, annotator) order, straight off a covering index:
    /// the one large read, streamed into <see cref="LabelActivity"/> without materializing rows.
    /// </summary>
    public async Task<LabelActivity> LabelActivityAsync(CancellationToken cancellationToken)
    {
        var activity = new LabelActivity();
        await ForEachAsync(
            """
            SELECT "ItemId", "UserId", "ClassId", "Id", "CreatedAt", "SecondsSpent" FROM "LabelEvents"
            WHERE "ProjectId" = $project AND "Kind" = 'Label' AND "ClassId" IS NOT NULL
            ORDER BY "ItemId", "UserId"
            """,
            r => activity.Add(
                r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5)),
            cancellationToken);
        activity.Complete();
        return activity;
    }

    private async Task<List<T>> ReadAsync<T>(
        string sql,
        Func<DbDataReader, T> map,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var rows = new List<T>();
        await ForEachAsync(sql, reader => rows.Add(map(reader)), cancellationToken, parameters);
        return rows;
    }

    private async Task ForEachAsync(
        string sql,
        Action<DbDataReader> visit,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "$project", projectId);
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
        {
            visit(reader);
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
