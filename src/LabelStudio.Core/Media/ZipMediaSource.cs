using System.IO.Compression;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>
/// Unpacks an uploaded ZIP into a staging folder under names the server makes, enforcing the entry
/// count, per-file size, total size and expansion limits on the bytes actually unpacked, since a
/// crafted archive's headers can claim anything.
/// </summary>
internal static class ZipMediaSource
{
    private const int BufferBytes = 1 << 16;

    public static async Task<MediaFiles> StageAsync(
        string zipPath,
        string zipName,
        string stagingFolder,
        MediaOptions limits,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stagingFolder);
        var zipBytes = new FileInfo(zipPath).Length;
        var maxTotal = Math.Min(limits.MaxTotalBytes, Math.Max(64L * 1024 * 1024, zipBytes * limits.MaxExpansion));
        using var archive = OpenArchive(zipPath, zipName);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw MediaSourceErrors.Whole(zipName,
                $"The ZIP holds {archive.Entries.Count:N0} entries; at most {limits.MaxEntries:N0} are allowed.");
        }

        var files = new List<MediaFile>();
        var rejected = new List<ImportError>();
        MediaFile? manifest = null;
        long total = 0;
        for (var index = 0; index < archive.Entries.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = archive.Entries[index];
            var name = entry.FullName.Replace('\\', '/');
            if (name.EndsWith('/') || MediaSourceNames.IsClutter(name))
            {
                continue;
            }
            if (MediaSourceNames.Unsafe(entry.FullName) is { } unsafeName)
            {
                rejected.Add(new ImportError(entry.FullName, null, null, unsafeName));
                continue;
            }

            var staged = Path.Combine(stagingFolder, $"{index:D6}.bin");
            var written = await UnpackAsync(entry, staged, limits.MaxFileBytes, zipName, cancellationToken);
            if (written is null)
            {
                rejected.Add(new ImportError(name, null, null, TooLarge(limits.MaxFileBytes)));
                continue;
            }

            total += written.Value;
            if (total > maxTotal)
            {
                throw MediaSourceErrors.Whole(zipName,
                    $"The ZIP unpacks to more than {maxTotal / (1024 * 1024):N0} MB; it looks like a ZIP bomb.");
            }
            var file = new MediaFile(name, staged, written.Value);
            if (MediaSourceNames.IsManifest(name))
            {
                manifest = file;
            }
            else
            {
                files.Add(file);
            }
            progress?.Report((index + 1.0) / archive.Entries.Count);
        }
        return new MediaFiles(files, manifest, rejected);
    }

    private static ZipArchive OpenArchive(string zipPath, string zipName)
    {
        try
        {
            return ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException)
        {
            throw MediaSourceErrors.Whole(zipName, "The file is not a readable ZIP archive.");
        }
    }

    /// <summary>Copies one entry; returns its size, or null when it passes the limit (the copy is removed).</summary>
    private static async Task<long?> UnpackAsync(
        ZipArchiveEntry entry, string target, long limit, string zipName, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        long written = 0;
        try
        {
            await using var source = entry.Open();
            await using var output = File.Create(target);
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                written += read;
                if (written > limit)
                {
                    break;
                }
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (InvalidDataException)
        {
            throw MediaSourceErrors.Whole(zipName, $"The ZIP entry '{entry.FullName}' is damaged.");
        }

        if (written <= limit)
        {
            return written;
        }
        File.Delete(target);
        return null;
    }

    private static string TooLarge(long limit) =>
        $"The file is larger than the {limit / (1024 * 1024)} MB limit for one file.";
}
