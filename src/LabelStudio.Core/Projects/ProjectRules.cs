using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;

namespace LabelStudio.Core.Projects;

/// <summary>Checks a project's settings before they are saved; every problem is reported at once.</summary>
public static class ProjectRules
{
    public const int MaxRoundSize = 10_000;

    /// <param name="kind">The project's kind of data; the draft's own for a new project.</param>
    public static IReadOnlyList<string> Validate(ProjectDraft draft, DataKind? kind = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            problems.Add("The project needs a name.");
        }
        if (draft.RoundSize is < 1 or > MaxRoundSize)
        {
            problems.Add($"Round size must be between 1 and {MaxRoundSize}.");
        }
        if (draft.Overlap is < 1 or > OverlapTargets.MaxOverlap)
        {
            problems.Add($"Annotators per item must be between 1 and {OverlapTargets.MaxOverlap}.");
        }
        if (draft.OverlapPercent is < 1 or > 100)
        {
            problems.Add("The share of uncertain items that get several annotators must be between 1 and 100%.");
        }
        if (draft.Classes.Count < 2)
        {
            problems.Add("A project needs at least two label classes.");
        }

        foreach (var blank in draft.Classes.Where(c => string.IsNullOrWhiteSpace(c.Name)))
        {
            problems.Add("Every class needs a name.");
            break;
        }
        foreach (var name in Duplicates(draft.Classes.Select(c => c.Name.Trim()).Where(n => n.Length > 0)))
        {
            problems.Add($"The class name '{name}' is used twice.");
        }
        foreach (var key in Duplicates(draft.Classes.Select(c => c.Hotkey).Where(k => k.Length > 0)))
        {
            problems.Add($"The hotkey '{key}' is used by two classes.");
        }
        var dataKind = kind ?? draft.DataKind;
        var unusable = draft.Classes.Where(c => c.Hotkey.Length > 1 || ReservedKeys.IsReserved(c.Hotkey, dataKind));
        foreach (var cls in unusable)
        {
            problems.Add(
                $"The hotkey '{cls.Hotkey}' of class '{cls.Name}' must be one key the page does not use " +
                $"(not {ReservedKeys.Describe(dataKind)}).");
        }
        return problems;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
}
