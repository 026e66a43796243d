using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;

namespace LabelStudio.Core.Projects;

/// <summary>Checks a project's settings before they are saved; every problem is reported at once.</summary>
public static class ProjectRules
{
    public const int MaxRoundSize = 10_000;

    /// <summary>Long enough for a descriptive title; longer ones only overflow the home page and tabs.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A class name is a button label annotators read at a glance while they press its key.</summary>
    public const int MaxClassNameLength = 60;

    /// <summary>
    /// The labeling page's compact button layout is built and tested for fifty classes; past that the
    /// buttons no longer fit beside the item, only the first 33 classes can have a single-key hotkey
    /// anyway, and a model needs several labels of every class before uncertainty means anything.
    /// </summary>
    public const int MaxClasses = 50;

    /// <param name="kind">The project's kind of data; the draft's own for a new project.</param>
    public static IReadOnlyList<string> Validate(ProjectDraft draft, DataKind? kind = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            problems.Add("The project needs a name.");
        }
        else if (TooLong("project name", draft.Name, MaxNameLength) is { } longName)
        {
            problems.Add(longName);
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

        problems.AddRange(ClassLimitProblems(0, draft.Classes.Select(c => c.Name)));
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

    /// <summary>
    /// The limits on classes, for a project that has <paramref name="existing"/> classes and gets
    /// <paramref name="added"/>: the settings form passes them all, an import the ones it would add.
    /// </summary>
    public static IEnumerable<string> ClassLimitProblems(int existing, IEnumerable<string> added)
    {
        var names = added.ToList();
        if (existing + names.Count > MaxClasses)
        {
            yield return $"A project can have at most {MaxClasses} classes; this one has {existing + names.Count:N0}.";
        }
        foreach (var name in names)
        {
            if (TooLong("class name", name, MaxClassNameLength) is { } problem)
            {
                yield return problem;
            }
        }
    }

    /// <summary>A long name is quoted by its start only, so the message itself stays readable.</summary>
    private static string? TooLong(string field, string value, int limit)
    {
        var length = value.Trim().Length;
        if (length <= limit)
        {
            return null;
        }
        var quoted = field == "project name" ? "" : $" '{value.Trim()[..20]}…'";
        return $"The {field}{quoted} is {length:N0} characters long; the limit is {limit}.";
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
}
