using System.IO.Compression;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>
/// Reads an uploaded ZIP entry by entry into memory, enforcing the entry count, per-file size,
/// total size and expansion limits on the bytes actually unpacked, since a crafted archive's
/// headers can claim anything. Entry names are only ever data, never paths on disk.
/// </summary>
internal sealed class ZipMediaSource : IMediaSource
{
    private const int BufferBytes = 1 << 16;

    private readonly ZipArchive _archive;
    private readonly string _zipName;
    private readonly MediaOptions _limits;
    private readonly long _maxTotal;
    private readonly List<ImportError> _rejected = [];

    private ZipMediaSource(ZipArchive archive, string zipName, MediaOptions limits, long maxTotal)
    {
        _archive = archive;
        _zipName = zipName;
        _limits = limits;
        _maxTotal = maxTotal;
    }

    public int Count => _archive.Entries.Count;
    public MediaFile? Manifest { get; private set; }
    public IReadOnlyList<ImportError> Rejected => _rejected;
    public IEnumerable<MediaFile> Files => ReadEntries();

    public static ZipMediaSource Open(string zipPath, string zipName, MediaOptions limits)
    {
        var zipBytes = new FileInfo(zipPath).Length;
        var maxTotal = Math.Min(limits.MaxTotalBytes, Math.Max(64L * 1024 * 1024, zipBytes * limits.MaxExpansion));
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException)
        {
            throw MediaSourceErrors.Whole(zipName, "The file is not a readable ZIP archive.");
        }

        if (archive.Entries.Count > limits.MaxEntries)
        {
            archive.Dispose();
            throw MediaSourceErrors.Whole(zipName,
                $"The ZIP holds {archive.Entries.Count:N0} entries; at most {limits.MaxEntries:N0} are allowed.");
        }
        return new ZipMediaSource(archive, zipName, limits, maxTotal);
    }

    private IEnumerable<MediaFile> ReadEntries()
    {
        long total = 0;
        foreach (var entry in _archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (MediaSourceNames.Unsafe(entry.FullName) is { } unsafeName)
            {
                _rejected.Add(new ImportError(entry.FullName, null, null, unsafeName));
                continue;
            }
            if (name.EndsWith('/') || MediaSourceNames.IsClutter(name))
            {
                continue;
            }

            var content = Unpack(entry, _limits.MaxFileBytes);
            if (content is null)
            {
                _rejected.Add(new ImportError(name, null, null, TooLarge(_limits.MaxFileBytes)));
                continue;
            }

            total += content.Length;
            if (total > _maxTotal)
            {
                throw MediaSourceErrors.Whole(_zipName,
                    $"The ZIP unpacks to more than {_maxTotal / (1024 * 1024):N0} MB; it looks like a ZIP bomb.");
            }
            var file = new MediaFile(name, content.Length, () => new MemoryStream(content, writable: false));
            if (MediaSourceNames.IsManifest(name))
            {
                Manifest = file;
                continue;
            }
            yield return file;
        }
    }

    /// <summary>The entry's bytes, or null as soon as more than <paramref name="limit"/> come out.</summary>
    private byte[]? Unpack(ZipArchiveEntry entry, long limit)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            using var source = entry.Open();
            using var output = new MemoryStream();
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                if (output.Length + read > limit)
                {
                    return null;
                }
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw MediaSourceErrors.Whole(_zipName, $"The ZIP entry '{entry.FullName}' is damaged.");
        }
    }

    private static string TooLarge(long limit) =>
        $"The file is larger than the {limit / (1024 * 1024)} MB limit for one file.";

    public void Dispose() => _archive.Dispose();
}
