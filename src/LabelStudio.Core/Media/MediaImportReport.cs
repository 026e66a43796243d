using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>
/// What an image or audio import did with the files it did not write: the bad ones, each named with
/// its reason, and the ones the project already had, which are no problem and are only counted.
/// </summary>
internal sealed class MediaImportReport(MediaKindRules rules)
{
    private readonly List<ImportError> _rejected = [];

    public IReadOnlyList<ImportError> Rejected => _rejected;

    /// <summary>Files whose path and bytes the project already holds; they were left as they were.</summary>
    public int Unchanged { get; private set; }

    public void Reject(string relativePath, string reason) =>
        _rejected.Add(new ImportError(relativePath, null, null, reason));

    /// <summary>Files the ZIP or folder itself refused (unsafe names, too large, links) lead the list.</summary>
    public void AddSourceRejections(IEnumerable<ImportError> rejections) => _rejected.InsertRange(0, rejections);

    public void CountUnchanged() => Unchanged++;

    /// <summary>
    /// The closing line of an import that wrote nothing and found nothing the project had: only say no
    /// files were found when none were, not when every one was refused.
    /// </summary>
    public ImportError NothingToImport(string sourceName) =>
        new(sourceName, null, null, _rejected.Count switch
        {
            0 => $"No {rules.Accepted} {rules.Plural} were found.",
            1 => "The one file found was rejected; nothing was imported.",
            var count => $"All {count:N0} files found were rejected; nothing was imported.",
        });

    /// <summary>The job's message once the import is written, e.g. "Imported 1 image; 40 images already…".</summary>
    /// <param name="addedClasses">
    /// Classes the class folders added to the project: named, since a misspelt folder becomes a class.
    /// </param>
    public string Summary(int imported, IReadOnlyList<string> addedClasses)
    {
        var parts = new List<string>
        {
            imported == 0
                ? "Nothing new to import"
                : $"Imported {Counted.Of(imported, rules.Singular, rules.Plural)}",
        };
        if (Unchanged > 0)
        {
            var leftAlone = Unchanged == 1 ? "was left as it was" : "were left as they were";
            parts.Add($"{Counted.Of(Unchanged, rules.Singular, rules.Plural)} already in the project {leftAlone}");
        }
        if (_rejected.Count > 0)
        {
            parts.Add($"skipped {Counted.Of(_rejected.Count, "bad file")}");
        }
        if (addedClasses.Count > 0)
        {
            var names = string.Join(", ", addedClasses.Select(name => $"'{name}'"));
            var what = addedClasses.Count == 1 ? "the class" : "the classes";
            parts.Add($"added {what} {names} from the class folders");
        }
        return string.Join("; ", parts);
    }
}
