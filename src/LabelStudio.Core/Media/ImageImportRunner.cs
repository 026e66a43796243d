using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Media;

/// <summary>
/// Runs one image import: list the ZIP's or folder's files, check and convert each image in a
/// staging folder, then move the files into place and write every item in one transaction. With
/// the default choice a single bad file rejects the whole import; nothing is left half-imported.
/// </summary>
public sealed class ImageImportRunner(
    IDbContextFactory<AppDbContext> contexts,
    DataDirectory dataDirectory,
    MediaImportWriter writer,
    IOptions<MediaOptions> options)
{
    internal async Task<int> ImportAsync(ImportJob job, JobProgress progress, CancellationToken cancellationToken)
    {
        var request = ImageImportRequest.FromJson(job.PlanJson);
        var staging = dataDirectory.MediaStaging(job.Id);
        try
        {
            // 1. List the files (a ZIP is unpacked to staging under names the server makes).
            await progress.ReportAsync(0, "Reading the files", cancellationToken);
            var source = await ListAsync(job, request, Path.Combine(staging, "source"), progress, cancellationToken);
            var manifest = await ImageManifest.ReadAsync(
                source.Manifest, source.Files.Select(f => f.RelativePath).ToHashSet(), cancellationToken);

            // 2. Check and convert every image.
            var taken = await ExistingPathsAsync(job.ProjectId, cancellationToken);
            var rejected = new List<ImportError>(source.Rejected);
            var rows = new List<ImageRow>(source.Files.Count);
            for (var i = 0; i < source.Files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = source.Files[i];
                var folder = Path.Combine(staging, "out", $"{i:D6}");
                if (Process(file, folder, taken, rejected) is { } image)
                {
                    rows.Add(ToRow(file, folder, image, request, manifest));
                }
                if (i % 50 == 0)
                {
                    await progress.ReportAsync(
                        0.3 + 0.6 * i / source.Files.Count, $"Checking images ({i:N0} of {source.Files.Count:N0})",
                        cancellationToken);
                }
            }

            // 3. All or nothing, unless the user asked to skip bad files.
            if (rejected.Count > 0 && !request.SkipBadFiles)
            {
                throw new ImportFailedException(rejected);
            }
            if (rows.Count == 0)
            {
                throw new ImportFailedException([.. rejected,
                    new ImportError(job.FileName, null, null, $"No {ImageFormats.Accepted} images were found.")]);
            }

            // 4. Move the files into place and write the items in one transaction.
            await progress.ReportAsync(0.9, $"Writing {rows.Count:N0} images", cancellationToken);
            await writer.WriteAsync(job, rows, manifest.ExtraColumns, rejected, cancellationToken);
            return rows.Count;
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    private async Task<MediaFiles> ListAsync(
        ImportJob job,
        ImageImportRequest request,
        string staging,
        JobProgress progress,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (request.ImportFolder is not { } folderName)
        {
            var zip = Path.Combine(dataDirectory.Root, job.StoredPath);
            return await ZipMediaSource.StageAsync(
                zip, job.FileName, staging, limits, progress.Scaled(0, 0.3), cancellationToken);
        }

        var folder = ImportFolders.Resolve(limits, folderName)
            ?? throw MediaSourceErrors.Whole(folderName, "No import folder of that name is configured.");
        return FolderMediaSource.List(folder, folderName, limits);
    }

    private ProcessedImage? Process(
        MediaFile file, string folder, HashSet<string> taken, List<ImportError> rejected)
    {
        if (!taken.Add(file.RelativePath))
        {
            rejected.Add(new ImportError(file.RelativePath, null, null, "The project already has an image of this path."));
            return null;
        }
        try
        {
            return ImageProcessor.Process(file, folder, options.Value);
        }
        catch (MediaRejectedException rejection)
        {
            rejected.Add(new ImportError(file.RelativePath, null, null, rejection.Message));
            DeleteQuietly(folder);
            return null;
        }
    }

    private static ImageRow ToRow(
        MediaFile file, string folder, ProcessedImage image, ImageImportRequest request, ImageManifest manifest)
    {
        var label = manifest.LabelsByPath.GetValueOrDefault(file.RelativePath)
            ?? (request.ClassFolders is null ? null : file.TopFolder);
        var asGroundTruth = request.ClassFolders == LabelMode.HiddenGroundTruth;
        var extras = manifest.ExtrasByPath.GetValueOrDefault(file.RelativePath)
            ?? new Dictionary<string, string?>();
        return new ImageRow(file, folder, image, asGroundTruth ? null : label, asGroundTruth ? label : null, extras);
    }

    private async Task<HashSet<string>> ExistingPathsAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var paths = await db.Items.Where(i => i.ProjectId == projectId).Select(i => i.ExternalId)
            .ToListAsync(cancellationToken);
        return paths.ToHashSet(StringComparer.Ordinal);
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
