using System.Globalization;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Media;

/// <summary>
/// Writes a checked image or audio import: moves the staged files into the project's media folder, then
/// writes classes, items, media rows, imported labels, the queue and the job's success in one
/// transaction. If the transaction fails the moved files are deleted again.
/// </summary>
public sealed class MediaImportWriter(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    WriteGate writeGate,
    TimeProvider clock)
{
    public static readonly IReadOnlyList<string> ImageColumns = ["file", "path", "width", "height"];

    public static readonly IReadOnlyList<string> AudioColumns = ["file", "path", "duration"];

    public static IReadOnlyList<string> FixedColumns(DataKind kind) =>
        kind == DataKind.Audio ? AudioColumns : ImageColumns;

    internal async Task WriteAsync(
        ImportJob job,
        DataKind kind,
        string staging,
        IReadOnlyList<MediaRow> rows,
        IReadOnlyList<string> extraColumns,
        MediaImportReport report,
        CancellationToken cancellationToken)
    {
        var jobFolder = Path.Combine("media", job.ProjectId.ToString(CultureInfo.InvariantCulture), $"job-{job.Id}");
        var target = Path.Combine(dataDirectory.Root, jobFolder);
        try
        {
            // An import with nothing new (every file already in the project) still records its report.
            if (rows.Count > 0)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                Directory.Move(staging, target);
            }
            await WriteRowsAsync(job, kind, rows, extraColumns, report, jobFolder, cancellationToken);
        }
        catch
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            throw;
        }
    }

    private async Task WriteRowsAsync(
        ImportJob job,
        DataKind kind,
        IReadOnlyList<MediaRow> rows,
        IReadOnlyList<string> extraColumns,
        MediaImportReport report,
        string jobFolder,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var project = await db.Projects.Include(p => p.Classes)
            .FirstAsync(p => p.Id == job.ProjectId, cancellationToken);
        var addedClasses = NewClasses(project, rows);
        ImportWriter.AddClasses(project, addedClasses);
        project.ColumnsJson = ProjectColumns.Serialize(
            ImportRows.Merge(ProjectColumns.Parse(project.ColumnsJson), Columns(kind, extraColumns)));
        var firstOrdinal = project.ItemCount;
        project.ItemCount += rows.Count;
        await db.SaveChangesAsync(cancellationToken);

        var unlabeled = await InsertAsync(db, project, rows, jobFolder, firstOrdinal, cancellationToken);
        var importedLabels = rows.Count - unlabeled.Count;
        await LabelingRounds.AddAsync(db, project.Id, importedLabels, importedLabels, cancellationToken);
        await AppendToQueueAsync(db, project, unlabeled, cancellationToken);

        var skipped = report.Rejected;
        var now = clock.GetUtcNow();
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, JobStatus.Succeeded)
            .SetProperty(x => x.Progress, 1)
            .SetProperty(x => x.ImportedCount, rows.Count)
            .SetProperty(x => x.Message, report.Summary(rows.Count, addedClasses))
            .SetProperty(x => x.ErrorsJson, skipped.Count == 0 ? null : JsonSerializer.Serialize(skipped))
            .SetProperty(x => x.CompletedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static List<string> NewClasses(Project project, IReadOnlyList<MediaRow> rows)
    {
        var known = project.Classes.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return rows.Select(r => r.Label ?? r.GroundTruth).OfType<string>()
            .Where(known.Add)
            .ToList();
    }

    private static IReadOnlyList<ProjectColumn> Columns(DataKind kind, IReadOnlyList<string> extraColumns) =>
    [
        new ProjectColumn("file", Ml.Tabular.ColumnKind.Text, ColumnRole.Ignored),
        new ProjectColumn("path", Ml.Tabular.ColumnKind.Text, ColumnRole.Id),
        .. FixedColumns(kind).Skip(2)
            .Select(c => new ProjectColumn(c, Ml.Tabular.ColumnKind.Number, ColumnRole.Ignored)),
        .. extraColumns
            .Where(c => !FixedColumns(kind).Contains(c, StringComparer.OrdinalIgnoreCase))
            .Select(c => new ProjectColumn(c, Ml.Tabular.ColumnKind.Text, ColumnRole.Feature)),
    ];

    /// <summary>Inserts every row; returns the ids of the items that came without a label.</summary>
    private async Task<List<long>> InsertAsync(
        AppDbContext db, Project project, IReadOnlyList<MediaRow> rows, string jobFolder, int firstOrdinal,
        CancellationToken cancellationToken)
    {
        var nextItemId = (await db.Items.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0) + 1;
        var nextEventId = (await db.LabelEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0) + 1;
        var classIds = project.Classes.ToDictionary(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();

        await using var items = await PreparedInsert.CreateAsync(db, "Items",
            ["Id", "ProjectId", "ExternalId", "Ordinal", "DataJson", "GroundTruth", "CurrentClassId",
             "CurrentLabelEventId", "LabelSource", "VoteCount"],
            cancellationToken);
        await using var media = await PreparedInsert.CreateAsync(db, "ItemMedia",
            ["ItemId", "ProjectId", "FileName", "RelativePath", "StoredFolder", "OriginalFile", "DisplayFile",
             "ThumbnailFile", "Format", "Width", "Height", "ByteSize", "DurationSeconds", "SpectrogramFile",
             "RawFeatures"],
            cancellationToken);
        await using var events = await PreparedInsert.CreateAsync(db, "LabelEvents",
            ["Id", "ProjectId", "ItemId", "UserId", "Kind", "ClassId", "CreatedAt", "SecondsSpent", "Round",
             "ModelVersion", "Strategy", "SuggestionShown"],
            cancellationToken);

        var unlabeled = new List<long>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows[i];
            var itemId = nextItemId + i;
            long? eventId = row.Label is null ? null : nextEventId++;
            int? classId = row.Label is null ? null : classIds[row.Label];
            var groundTruth = row.GroundTruth is null ? null
                : project.Classes.First(c => c.Name.Equals(row.GroundTruth, StringComparison.OrdinalIgnoreCase)).Name;
            // An imported label is one vote settled by itself, as in a table import.
            var source = eventId is null ? LabelSource.None : LabelSource.Single;
            items.Execute(itemId, project.Id, row.ItemName, firstOrdinal + i, DataJson(row), groundTruth,
                classId, eventId, source.ToString(), eventId is null ? 0 : 1);
            var file = row.Media;
            media.Execute(itemId, project.Id, row.FileName, row.RelativePath, jobFolder, file.OriginalFile,
                file.DisplayFile, file.ThumbnailFile, file.Format, file.Width, file.Height, file.ByteSize,
                file.DurationSeconds, file.SpectrogramFile,
                file.RawFeatures is null ? null : Features.FeatureVectorCodec.Encode(file.RawFeatures));
            if (eventId is not null)
            {
                events.Execute(eventId, project.Id, itemId, ImportedLabels.UserId, nameof(LabelEventKind.Label),
                    classId, now.UtcTicks, 0.0, 0, 0, project.Strategy.ToString(), false);
            }
            else
            {
                unlabeled.Add(itemId);
            }
        }
        return unlabeled;
    }

    private static string DataJson(MediaRow row)
    {
        var values = new Dictionary<string, string?> { ["file"] = row.FileName, ["path"] = row.ItemName };
        if (row.Media.DurationSeconds is { } seconds)
        {
            values["duration"] = seconds.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            values["width"] = row.Media.Width.ToString(CultureInfo.InvariantCulture);
            values["height"] = row.Media.Height.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var (name, value) in row.Extras)
        {
            values.TryAdd(name, value);
        }
        return JsonSerializer.Serialize(values);
    }

    /// <summary>
    /// New images and clips have no features yet, so they join the end of the served queue in a seeded shuffle
    /// (never folder order, which would serve one class after another). Featurizing later replaces
    /// this with the cold-start spread, or a retrain ranks them.
    /// </summary>
    private static async Task AppendToQueueAsync(
        AppDbContext db, Project project, List<long> unlabeled, CancellationToken cancellationToken)
    {
        var served = project.QueueVersion;
        var nextRank = (await db.ItemRanks.Where(r => r.ProjectId == project.Id && r.ModelVersion == served)
            .MaxAsync(r => (int?)r.Rank, cancellationToken) ?? -1) + 1;
        var shuffled = unlabeled.ToArray();
        new Random(project.Id).Shuffle(shuffled);
        await Training.ItemRankWriter.AppendAsync(db, shuffled.Select((itemId, i) => new ItemRank
        {
            ItemId = itemId,
            ProjectId = project.Id,
            Rank = nextRank + i,
            Score = 0,
            ModelVersion = served,
        }).ToList(), cancellationToken);
    }
}
