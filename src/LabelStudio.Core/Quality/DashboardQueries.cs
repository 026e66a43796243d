using System.Data;
using System.Data.Common;
using LabelStudio.Core.Data;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Quality;

/// <summary>
/// The dashboard's aggregates, computed in SQLite over covering indexes so only small results cross
/// into .NET; the one large read (each annotator's latest vote on items with several votes) streams
/// through a reader without materializing entities.
/// </summary>
internal sealed class DashboardQueries(AppDbContext db, int projectId)
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    public sealed record AnnotatorTotals(string UserId, int Items, int Labels, double Seconds);

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

    /// <summary>Label events per UTC day, oldest first.</summary>
    public Task<List<(DateOnly Day, int Labels)>> LabelsPerDayAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            $"""
            SELECT "CreatedAt" / {TicksPerDay}, COUNT(*) FROM "LabelEvents"
            WHERE "ProjectId" = $project AND "Kind" = 'Label' GROUP BY 1 ORDER BY 1
            """,
            r => (DateOnly.FromDayNumber((int)r.GetInt64(0)), r.GetInt32(1)),
            cancellationToken);

    public Task<List<AnnotatorTotals>> AnnotatorTotalsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            """
            SELECT "UserId", COUNT(DISTINCT "ItemId"), COUNT(*), TOTAL("SecondsSpent") FROM "LabelEvents"
            WHERE "ProjectId" = $project AND "Kind" = 'Label' GROUP BY "UserId"
            """,
            r => new AnnotatorTotals(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetDouble(3)),
            cancellationToken);

    /// <summary>
    /// The median seconds of one annotator's <paramref name="labels"/> label events: an ordered walk
    /// of the (project, kind, user, seconds) index to the middle, not a sort.
    /// </summary>
    public async Task<double?> MedianSecondsAsync(string userId, int labels, CancellationToken cancellationToken)
    {
        if (labels == 0)
        {
            return null;
        }

        var middle = await ReadAsync(
            """
            SELECT "SecondsSpent" FROM "LabelEvents"
            WHERE "ProjectId" = $project AND "Kind" = 'Label' AND "UserId" = $user
            ORDER BY "SecondsSpent" LIMIT $take OFFSET $skip
            """,
            r => r.GetDouble(0),
            cancellationToken,
            ("$user", userId), ("$take", labels % 2 == 0 ? 2 : 1), ("$skip", (labels - 1) / 2));
        return middle.Count == 0 ? null : middle.Average();
    }

    /// <summary>
    /// Each annotator's latest label on every item at least two annotators labeled, as dense ratings;
    /// <paramref name="raters"/> receives the user id of each rater number.
    /// </summary>
    public async Task<List<Rating>> VotesOnSharedItemsAsync(
        List<string> raters, CancellationToken cancellationToken)
    {
        var raterOf = new Dictionary<string, int>();
        // SQLite returns the bare ClassId from the row holding MAX(Id): the annotator's latest label.
        return await ReadAsync(
            """
            SELECT e."ItemId", e."UserId", e."ClassId", MAX(e."Id") FROM "LabelEvents" AS e
            WHERE e."ProjectId" = $project AND e."Kind" = 'Label' AND e."ItemId" IN (
                SELECT i."Id" FROM "Items" AS i WHERE i."ProjectId" = $project AND i."VoteCount" >= 2)
            GROUP BY e."ItemId", e."UserId"
            """,
            r =>
            {
                var userId = r.GetString(1);
                if (!raterOf.TryGetValue(userId, out var rater))
                {
                    raterOf[userId] = rater = raters.Count;
                    raters.Add(userId);
                }
                return new Rating((int)r.GetInt64(0), rater, r.GetInt32(2));
            },
            cancellationToken);
    }

    private async Task<List<T>> ReadAsync<T>(
        string sql,
        Func<DbDataReader, T> map,
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

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
