using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Media;

/// <summary>
/// Runs one image or audio import: list the ZIP's or folder's files, check and convert each file in
/// a staging folder, then move the files into place and write every item in one transaction. With
/// the default choice a single bad file rejects the whole import; nothing is left half-imported.
/// </summary>
public sealed class MediaImportRunner(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    MediaImportWriter writer,
    IOptions<MediaOptions> options)
{
    private const string ChangedUnderOldPath = "The project already has a different file of this path. Its labels "
        + "refer to the old content, so it was not replaced; import the new file under a new name.";

    private const string StoredCopyMissing =
        "The project already has a file of this path, but its stored copy is missing, so the two cannot be compared.";

    internal async Task<int> ImportAsync(
        ImportJob job, DataKind kind, JobProgress progress, CancellationToken cancellationToken)
    {
        var rules = MediaKindRules.For(kind);
        var request = MediaImportRequest.FromJson(job.PlanJson);
        var staging = dataDirectory.MediaStaging(job.Id);
        DeleteQuietly(staging);
        Directory.CreateDirectory(staging);
        try
        {
            // 1. Check and convert every file into the staging folder, one at a time.
            await progress.ReportAsync(0, "Reading the files", cancellationToken);
            using var source = Open(job, request);
            var existing = await ExistingMediaAsync(job.ProjectId, cancellationToken);
            var report = new MediaImportReport(rules);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var processed = new List<(MediaFile File, ProcessedMedia Media)>();
            foreach (var file in source.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var firstOfItsPath = seen.Add(file.RelativePath);
                if (IsNew(file, firstOfItsPath, existing, report)
                    && Process(rules, file, staging, processed.Count, report) is { } media)
                {
                    processed.Add((file with { Open = NotKept }, media));
                }
                if (seen.Count % rules.ProgressEvery == 0)
                {
                    await progress.ReportAsync(0.9 * seen.Count / Math.Max(1, source.Count),
                        $"Checking {rules.Plural} ({seen.Count:N0} of about {source.Count:N0})", cancellationToken);
                }
            }
            report.AddSourceRejections(source.Rejected);
            var manifest = await MediaManifest.ReadAsync(source.Manifest, seen, cancellationToken);

            // 2. All or nothing, unless the user asked to skip bad files. Files the project already has are
            // not bad: an upload of only those succeeds with nothing new.
            if (report.Rejected.Count > 0 && !request.SkipBadFiles)
            {
                throw new ImportFailedException(report.Rejected);
            }
            if (processed.Count == 0 && report.Unchanged == 0)
            {
                throw new ImportFailedException([.. report.Rejected, report.NothingToImport(job.FileName)]);
            }

            // 3. Move the files into place and write the items in one transaction.
            var writing = $"Writing {Counted.Of(processed.Count, rules.Singular, rules.Plural)}";
            await progress.ReportAsync(0.9, writing, cancellationToken);
            var names = await ItemNamesAsync(job.ProjectId, cancellationToken);
            var rows = processed.Select(p => ToRow(p.File, p.Media, request, manifest, names)).ToList();
            await writer.WriteAsync(job, kind, staging, rows, manifest.ExtraColumns, report, cancellationToken);
            return rows.Count;
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    /// <summary>Rows keep a file's name only; holding its reader would keep a ZIP entry's bytes in memory.</summary>
    private static Stream NotKept() => throw new InvalidOperationException("The file's bytes are no longer kept.");

    private IMediaSource Open(ImportJob job, MediaImportRequest request)
    {
        var limits = options.Value;
        if (request.ImportFolder is not { } folderName)
        {
            return ZipMediaSource.Open(Path.Combine(dataDirectory.Root, job.StoredPath), job.FileName, limits);
        }

        var folder = ImportFolders.Resolve(limits, folderName)
            ?? throw MediaSourceErrors.Whole(folderName, "No import folder of that name is configured.");
        return FolderMediaSource.List(folder, folderName, limits);
    }

    /// <summary>
    /// Whether the file is one to check and import: not a second file of one path in the upload, not
    /// one the project already has (counted, left alone), not another file under a path already used.
    /// </summary>
    private static bool IsNew(MediaFile file, bool firstOfItsPath, ExistingMedia existing, MediaImportReport report)
    {
        if (!firstOfItsPath)
        {
            report.Reject(file.RelativePath, "The upload holds a second file of this path.");
            return false;
        }
        switch (existing.Compare(file))
        {
            case Presence.Unchanged:
                report.CountUnchanged();
                return false;
            case Presence.Changed:
                report.Reject(file.RelativePath, ChangedUnderOldPath);
                return false;
            case Presence.StoredCopyMissing:
                report.Reject(file.RelativePath, StoredCopyMissing);
                return false;
            default:
                return true;
        }
    }

    private ProcessedMedia? Process(
        MediaKindRules rules, MediaFile file, string staging, int number, MediaImportReport report)
    {
        try
        {
            return rules.Process(file, staging, number, options.Value);
        }
        catch (MediaRejectedException rejection)
        {
            report.Reject(file.RelativePath, rejection.Message);
            return null;
        }
    }

    private static MediaRow ToRow(
        MediaFile file, ProcessedMedia media, MediaImportRequest request, MediaManifest manifest, ItemNames names)
    {
        var manifestLabel = manifest.LabelsByPath.GetValueOrDefault(file.RelativePath);
        var folderLabel = manifestLabel is null && request.ClassFolders is not null ? file.TopFolder : null;
        var label = manifestLabel ?? folderLabel;
        var asGroundTruth = request.ClassFolders == LabelMode.HiddenGroundTruth;
        var extras = manifest.ExtrasByPath.GetValueOrDefault(file.RelativePath)
            ?? new Dictionary<string, string?>();
        // A hidden answer must not show in the item's name, where annotators (and the API) would read it.
        var shownPath = asGroundTruth && folderLabel is not null
            ? file.RelativePath[(folderLabel.Length + 1)..]
            : file.RelativePath;
        // A name taken twice (001.png from two hidden class folders) becomes 001 (2).png in full: the name
        // shown to annotators, the file field and exports all tell the two apart.
        var itemName = names.Claim(shownPath);
        var fileName = itemName[(itemName.LastIndexOf('/') + 1)..];
        return new MediaRow(file.RelativePath, itemName, fileName, media,
            asGroundTruth ? null : label, asGroundTruth ? label : null, extras);
    }

    private async Task<ExistingMedia> ExistingMediaAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ExistingMedia.LoadAsync(db, projectId, dataDirectory.Root, cancellationToken);
    }

    private async Task<ItemNames> ItemNamesAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Items.Where(i => i.ProjectId == projectId).Select(i => i.ExternalId)
            .ToListAsync(cancellationToken);
        return new ItemNames(names);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Staging leftovers cost disk space only; the next import of this job starts afresh.
        }
    }
}
