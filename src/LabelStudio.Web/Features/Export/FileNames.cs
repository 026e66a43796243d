namespace LabelStudio.Web.Features.Export;

internal static class FileNames
{
    /// <summary>A project name reduced to characters every file system and header accepts.</summary>
    public static string Safe(string name)
    {
        var kept = new string(name
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')
            .ToArray());
        var collapsed = string.Join('-', kept.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? "project" : collapsed;
    }
}
