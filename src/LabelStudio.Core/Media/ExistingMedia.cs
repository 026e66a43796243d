using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Media;

/// <summary>How a file of an upload or folder relates to what the project already holds under its path.</summary>
internal enum Presence
{
    New,
    Unchanged,
    Changed,
    StoredCopyMissing,
}

/// <summary>
/// The project's media by source path, so a re-imported folder (a scanner inbox that keeps growing)
/// leaves the files it already has alone. "Already has" means the same relative path with the same
/// bytes as the stored original; the same path with other bytes is a different file under an old
/// name, and the project's labels refer to the old content.
/// </summary>
internal sealed class ExistingMedia
{
    private const int BufferBytes = 1 << 16;

    private readonly string _dataRoot;
    private readonly Dictionary<string, StoredOriginal> _byPath;

    private ExistingMedia(string dataRoot, Dictionary<string, StoredOriginal> byPath)
    {
        _dataRoot = dataRoot;
        _byPath = byPath;
    }

    public static async Task<ExistingMedia> LoadAsync(
        AppDbContext db, int projectId, string dataRoot, CancellationToken cancellationToken)
    {
        var stored = await db.ItemMedia.Where(m => m.ProjectId == projectId)
            .Select(m => new StoredOriginal(m.RelativePath, m.StoredFolder, m.OriginalFile, m.ByteSize))
            .ToListAsync(cancellationToken);
        return new ExistingMedia(dataRoot, stored.ToDictionary(s => s.RelativePath, StringComparer.Ordinal));
    }

    public Presence Compare(MediaFile file)
    {
        if (!_byPath.TryGetValue(file.RelativePath, out var stored))
        {
            return Presence.New;
        }
        if (stored.ByteSize != file.Length)
        {
            return Presence.Changed;
        }

        var path = Path.Combine(_dataRoot, stored.StoredFolder, stored.OriginalFile);
        try
        {
            using var old = File.OpenRead(path);
            using var incoming = file.Open();
            return SameBytes(old, incoming) ? Presence.Unchanged : Presence.Changed;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Presence.StoredCopyMissing;
        }
    }

    private static bool SameBytes(Stream first, Stream second)
    {
        var a = new byte[BufferBytes];
        var b = new byte[BufferBytes];
        while (true)
        {
            // Reading until each buffer is full (or the file ends) keeps the two reads in step.
            var readA = first.ReadAtLeast(a, a.Length, throwOnEndOfStream: false);
            var readB = second.ReadAtLeast(b, b.Length, throwOnEndOfStream: false);
            if (readA != readB || !a.AsSpan(0, readA).SequenceEqual(b.AsSpan(0, readB)))
            {
                return false;
            }
            if (readA == 0)
            {
                return true;
            }
        }
    }

    private sealed record StoredOriginal(string RelativePath, string StoredFolder, string OriginalFile, long ByteSize);
}
