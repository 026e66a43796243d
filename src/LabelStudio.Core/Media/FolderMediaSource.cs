using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>
/// The files of a server folder an admin configured. Links are not followed, so a folder cannot
/// point the import at files outside itself.
/// </summary>
internal sealed class FolderMediaSource : IMediaSource
{
    private readonly List<MediaFile> _files;

    private FolderMediaSource(List<MediaFile> files, MediaFile? manifest)
    {
        _files = files;
        Manifest = manifest;
    }

    public int Count => _files.Count;
    public IEnumerable<MediaFile> Files => _files;
    public MediaFile? Manifest { get; }
    public IReadOnlyList<ImportError> Rejected => [];

    public static FolderMediaSource List(string folder, string folderName, MediaOptions limits)
    {
        if (!Directory.Exists(folder))
        {
            throw MediaSourceErrors.Whole(folderName, "The folder does not exist on the server.");
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.System,
        };
        var files = new List<MediaFile>();
        MediaFile? manifest = null;
        foreach (var info in new DirectoryInfo(folder).EnumerateFiles("*", options))
        {
            var relative = Path.GetRelativePath(folder, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (MediaSourceNames.IsClutter(relative))
            {
                continue;
            }

            var path = info.FullName;
            var file = new MediaFile(relative, info.Length, () => File.OpenRead(path));
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
        return new FolderMediaSource(files, manifest);
    }

    public void Dispose()
    {
        // Nothing is held open: each file is opened and closed as it is read.
    }
}
