namespace LabelStudio.Core.Media;

/// <summary>
/// Hands out item names unique within a project. Two files may share a name once their class
/// folders are dropped (<c>cat/001.png</c>, <c>dog/001.png</c>); the later one becomes <c>001 (2).png</c>.
/// </summary>
internal sealed class ItemNames(IEnumerable<string> taken)
{
    private readonly HashSet<string> _taken = new(taken, StringComparer.Ordinal);

    public string Claim(string name)
    {
        if (_taken.Add(name))
        {
            return name;
        }
        var folder = name.LastIndexOf('/') is var slash and >= 0 ? name[..(slash + 1)] : "";
        var file = name[folder.Length..];
        var stem = Path.GetFileNameWithoutExtension(file);
        var extension = Path.GetExtension(file);
        for (var copy = 2; ; copy++)
        {
            var candidate = $"{folder}{stem} ({copy}){extension}";
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
