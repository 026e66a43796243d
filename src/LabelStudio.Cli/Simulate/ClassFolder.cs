namespace LabelStudio.Cli.Simulate;

/// <summary>A folder whose subfolders name the classes: <c>en/hello.wav</c> is a clip of class "en".</summary>
internal static class ClassFolder
{
    /// <returns>Each file with its class, classes in ordinal order; hidden files and folders are left out.</returns>
    public static IReadOnlyList<(string Class, string Path)> List(string folder)
    {
        var classes = Directory.EnumerateDirectories(folder)
            .Where(d => !IsHidden(d))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var files = classes
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)
                .Where(f => !IsHidden(f))
                .Order(StringComparer.Ordinal)
                .Select(f => (Class: Path.GetFileName(d), Path: f)))
            .ToArray();

        var classNames = files.Select(f => f.Class).Distinct().ToArray();
        if (classNames.Length < 2)
        {
            throw new CliInputException(
                $"{folder}: a folder input needs one subfolder per class holding its files, and at least two " +
                $"classes; found {classNames.Length} ({string.Join(", ", classNames)}).");
        }

        return files;
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
