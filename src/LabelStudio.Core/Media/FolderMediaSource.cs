using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>
/// The files of a server folder an admin configured. Links are not followed, so a folder cannot
/// point the import at files outside itself; each one is named in the report instead of vanishing.
/// </summary>
internal sealed class FolderMediaSource : IMediaSource
{
    private const string NotFollowed = "A symbolic link; links are not followed.";

    private readonly List<MediaFile> _files;
    private readonly List<ImportError> _rejected;

    private FolderMediaSource(List<MediaFile> files, MediaFile? manifest, List<ImportError> rejected)
    {
        _files = files;
        Manifest = manifest;
        _rejected = rejected;
    }

    public int Count => _files.Count;
    public IEnumerable<MediaFile> Files => _files;
    public MediaFile? Manifest { get; }
    public IReadOnlyList<ImportError> Rejected => _rejected;

    public static FolderMediaSource List(string folder, string folderName, MediaOptions limits)
    {
        if (!Directory.Exists(folder))
        {
            throw MediaSourceErrors.Whole(folderName, "The folder does not exist on the server.");
        }

        var files = new List<MediaFile>();
        var rejected = new List<ImportError>();
        MediaFile? manifest = null;
        foreach (var entry in Walk(new DirectoryInfo(folder)))
        {
            var relative = Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (MediaSourceNames.IsClutter(relative))
            {
                continue;
            }
            if (entry.LinkTarget is not null)
            {
                rejected.Add(new ImportError(relative, null, null, NotFollowed));
                continue;
            }

            var path = entry.FullName;
            var file = new MediaFile(relative, ((FileInfo)entry).Length, () => File.OpenRead(path));
            if (MediaSourceNames.IsManifest(relative))
            {
                manifest = file;
                continue;
            }
            files.Add(file);
            if (files.Count > limits.MaxEntries)
            {
                throw MediaSourceErrors.Whole(folderName, $"The folder holds more than {limits.MaxEntries:N0} files.");
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        rejected.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new FolderMediaSource(files, manifest, rejected);
    }

    /// <summary>
    /// Every file and every link below the folder. The walk descends into real folders only: a link to a
    /// folder is handed out as an entry, never entered, whatever it points at.
    /// </summary>
    private static IEnumerable<FileSystemInfo> Walk(DirectoryInfo folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.System,
        };
        var pending = new Stack<DirectoryInfo>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in current.EnumerateFileSystemInfos("*", options))
            {
                if (entry is DirectoryInfo subfolder && entry.LinkTarget is null)
                {
                    pending.Push(subfolder);
                }
                else
                {
                    yield return entry;
                }
            }
        }
    }

    public void Dispose()
    {
        // Nothing is held open: each file is opened and closed as it is read.
    }
}
