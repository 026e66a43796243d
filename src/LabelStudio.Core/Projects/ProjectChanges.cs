using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Projects;

/// <summary>Names the settings a save changed, for the project's timeline.</summary>
internal static class ProjectChanges
{
    public static IReadOnlyDictionary<string, string> Snapshot(Project project) => new Dictionary<string, string>
    {
        ["name"] = project.Name,
        ["description"] = project.Description,
        ["instructions"] = project.Instructions,
        ["round size"] = project.RoundSize.ToString(),
        ["strategy"] = project.Strategy.ToString(),
        ["suggestions"] = project.ShowSuggestions ? "shown" : "hidden",
        ["autoplay"] = project.AutoplayAudio ? "on" : "off",
        ["overlap"] = project.Overlap == 1 ? "1"
            : project.OverlapScope == OverlapScope.AllItems ? $"{project.Overlap} on every item"
            : $"{project.Overlap} on the top {project.OverlapPercent}% uncertain items",
        ["classes"] = string.Join(", ", project.Classes.OrderBy(c => c.Ordinal).Select(c => $"{c.Name} ({c.Hotkey})")),
    };

    /// <summary>"overlap 1 → 2; strategy Margin → Entropy", or empty when nothing changed.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = after.Where(pair => before[pair.Key] != pair.Value)
            .Select(pair => pair.Key is "description" or "instructions"
                ? pair.Key
                : $"{pair.Key} {before[pair.Key]} → {pair.Value}");
        return string.Join("; ", changed);
    }
}
