using System.Globalization;
using System.Text;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Export;

/// <summary>
/// Streams a project's labeled items as CSV: the original columns in file order, then the final
/// label, how it was made, and how it was reached (one annotator, a majority, or a review). Rows go
/// out as they are read, so memory stays flat for any size.
/// </summary>
public sealed class CsvExporter(IDbContextFactory<AppDbContext> contexts)
{
    public static readonly IReadOnlyList<string> MetadataColumns =
        [
            "label", "annotator", "labeled_at", "model_version", "round", "strategy", "seconds_spent",
            "score_when_served", "comment", "label_source", "votes",
        ];

    public async Task<int> WriteAsync(int projectId, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var columnsJson = await db.Projects.Where(p => p.Id == projectId).Select(p => p.ColumnsJson)
            .FirstAsync(cancellationToken);
        var columns = ProjectColumns.Parse(columnsJson)
            .Where(c => c.Role != ColumnRole.Label)
            .Select(c => c.Name)
            .ToList();

        await using var writer = new StreamWriter(
            output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        await writer.WriteLineAsync(string.Join(',', columns.Concat(MetadataNames(columns)).Select(CsvCell.Format)));

        var rows = db.Items.AsNoTracking()
            .Where(i => i.ProjectId == projectId && i.CurrentLabelEventId != null)
            .OrderBy(i => i.Ordinal)
            .Join(db.LabelEvents, i => i.CurrentLabelEventId, e => e.Id,
                (i, e) => new { i.DataJson, i.LabelSource, i.VoteCount, Event = e })
            .Join(db.LabelClasses, x => x.Event.ClassId, c => c.Id,
                (x, c) => new { x.DataJson, x.LabelSource, x.VoteCount, x.Event, ClassName = c.Name })
            .GroupJoin(db.Users, x => x.Event.UserId, u => u.Id, (x, users) => new { x, users })
            .SelectMany(
                g => g.users.DefaultIfEmpty(),
                (g, u) => new { g.x.DataJson, g.x.LabelSource, g.x.VoteCount, g.x.Event, g.x.ClassName, u!.Email })
            .AsAsyncEnumerable();

        var count = 0;
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(row.DataJson) ?? [];
            line.Clear();
            line.AppendJoin(',', columns.Select(c => CsvCell.Format(values.GetValueOrDefault(c))));
            line.Append(',').AppendJoin(',', new[]
            {
                row.ClassName,
                row.Email ?? ImportedLabels.AnnotatorName,
                row.Event.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                row.Event.ModelVersion.ToString(CultureInfo.InvariantCulture),
                row.Event.Round.ToString(CultureInfo.InvariantCulture),
                QueryStrategyNames.ToName(row.Event.Strategy),
                row.Event.SecondsSpent.ToString("0.###", CultureInfo.InvariantCulture),
                row.Event.ScoreWhenServed?.ToString("0.######", CultureInfo.InvariantCulture),
                row.Event.Comment,
                row.LabelSource.ToString().ToLowerInvariant(),
                row.VoteCount.ToString(CultureInfo.InvariantCulture),
            }.Select(CsvCell.Format));
            await writer.WriteLineAsync(line, cancellationToken);
            count++;
        }
        return count;
    }

    /// <summary>
    /// The metadata headers, prefixed where the source file already has a column of that name, so
    /// no header appears twice and every column can be told apart when read back.
    /// </summary>
    public static IReadOnlyList<string> MetadataNames(IReadOnlyCollection<string> sourceColumns)
    {
        var taken = sourceColumns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return MetadataColumns.Select(name => taken.Contains(name) ? $"labelstudio_{name}" : name).ToList();
    }
}
