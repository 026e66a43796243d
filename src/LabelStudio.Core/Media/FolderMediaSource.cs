namespace LabelStudio.Core.Media;

/// <summary>
/// Lists the files of a server folder an admin configured. Links are not followed, so a folder
/// cannot point the import at files outside itself.
/// </summary>
internal static class FolderMediaSource
{
    public static MediaFiles List(string folder, string folderName, MediaOptions limits)
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

            var file = new MediaFile(relative, info.FullName, info.Length);
            if (MediaSourceNames.IsManifest(relative))
            {
                manifest = file;
                continue;
            }
            files.Add(file);
            if (files.Count > limits.MaxEntries)
            {
                throw MediaSourceErrors.Whole(folderName,
                    $"The folder holds more than {limits.MaxEntries:N0} files.");
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new MediaFiles(files, manifest, []);
    }
}
