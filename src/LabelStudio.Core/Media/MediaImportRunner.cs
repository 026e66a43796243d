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
            var taken = await ExistingPathsAsync(job.ProjectId, cancellationToken);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var rejected = new List<ImportError>();
            var processed = new List<(MediaFile File, ProcessedMedia Media)>();
            foreach (var file in source.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                seen.Add(file.RelativePath);
                if (Process(rules, file, staging, processed.Count, taken, rejected) is { } media)
                {
                    processed.Add((file with { Open = NotKept }, media));
                }
                if (seen.Count % rules.ProgressEvery == 0)
                {
                    await progress.ReportAsync(0.9 * seen.Count / Math.Max(1, source.Count),
                        $"Checking {rules.Plural} ({seen.Count:N0} of about {source.Count:N0})", cancellationToken);
                }
            }
            rejected.InsertRange(0, source.Rejected);
            var manifest = await MediaManifest.ReadAsync(source.Manifest, seen, cancellationToken);

            // 2. All or nothing, unless the user asked to skip bad files.
            if (rejected.Count > 0 && !request.SkipBadFiles)
            {
                throw new ImportFailedException(rejected);
            }
            if (processed.Count == 0)
            {
                throw new ImportFailedException([.. rejected,
                    new ImportError(job.FileName, null, null, $"No {rules.Accepted} {rules.Plural} were found.")]);
            }

            // 3. Move the files into place and write the items in one transaction.
            var writing = $"Writing {Counted.Of(processed.Count, rules.Singular, rules.Plural)}";
            await progress.ReportAsync(0.9, writing, cancellationToken);
            var names = await ItemNamesAsync(job.ProjectId, cancellationToken);
            var rows = processed.Select(p => ToRow(p.File, p.Media, request, manifest, names)).ToList();
            await writer.WriteAsync(job, kind, staging, rows, manifest.ExtraColumns, rejected, cancellationToken);
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

    private ProcessedMedia? Process(MediaKindRules rules,
        MediaFile file, string staging, int number, HashSet<string> taken, List<ImportError> rejected)
    {
        if (!taken.Add(file.RelativePath))
        {
            rejected.Add(new ImportError(
                file.RelativePath, null, null, $"The project already has an {rules.Singular} of this path."));
            return null;
        }
        try
        {
            return rules.Process(file, staging, number, options.Value);
        }
        catch (MediaRejectedException rejection)
        {
            rejected.Add(new ImportError(file.RelativePath, null, null, rejection.Message));
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
        return new MediaRow(file.RelativePath, names.Claim(shownPath), file.FileName, media,
            asGroundTruth ? null : label, asGroundTruth ? label : null, extras);
    }

    /// <summary>Source paths already imported: the same file imported twice is refused by its path.</summary>
    private async Task<HashSet<string>> ExistingPathsAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var paths = await db.ItemMedia.Where(m => m.ProjectId == projectId).Select(m => m.RelativePath)
            .ToListAsync(cancellationToken);
        return paths.ToHashSet(StringComparer.Ordinal);
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
