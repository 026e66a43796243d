using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Web.Features.Import;

/// <summary>What the user decided for one column of the uploaded file.</summary>
public sealed class ColumnChoice(ColumnProfile profile)
{
    public ColumnProfile Profile { get; } = profile;
    public ColumnRole Role { get; set; } = GuessRole(profile);
    public ColumnKind Kind { get; set; } = profile.Kind;

    /// <summary>
    /// Named as labels usually are. Only a hint is built on it, never a silent choice: a column called
    /// "class" may as well be a school class, so the user decides.
    /// </summary>
    public bool LooksLikeLabel { get; } = LabelNames.Contains(profile.Name.Trim().Replace('_', ' '));

    private static readonly HashSet<string> LabelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "label", "labels", "class", "category", "target", "ground truth",
    };

    /// <summary>
    /// Columns named like an identifier are ids, not features: they would only teach the model noise.
    /// </summary>
    private static ColumnRole GuessRole(ColumnProfile profile)
    {
        var name = profile.Name.Trim().ToLowerInvariant();
        return name is "id" or "key" or "uuid" || name.EndsWith("_id") || name.EndsWith(" id")
            ? ColumnRole.Id
            : ColumnRole.Feature;
    }
}

/// <summary>The import page's choices, turned into the plan the importer checks.</summary>
public static class ImportChoices
{
    /// <summary>
    /// One choice per column, starting from the id and label columns the file names (a Label Studio
    /// export's task id and answers, a column holding only the project's classes) so they never
    /// silently become features.
    /// </summary>
    public static List<ColumnChoice> From(ImportPreview preview)
    {
        var columns = preview.Columns.Select(p => new ColumnChoice(p)).ToList();
        foreach (var (name, role) in new[]
            { (preview.Proposed.IdColumn, ColumnRole.Id), (preview.Proposed.LabelColumn, ColumnRole.Label) })
        {
            if (columns.FirstOrDefault(c => c.Profile.Name == name) is { } proposed)
            {
                SetRole(columns, proposed, role);
            }
        }
        return columns;
    }

    /// <summary>A column to suggest as the label column: only while none is chosen and it is still a feature.</summary>
    public static ColumnChoice? SuggestedLabel(IReadOnlyList<ColumnChoice> columns) =>
        columns.Any(c => c.Role == ColumnRole.Label)
            ? null
            : columns.FirstOrDefault(c => c.LooksLikeLabel && c.Role == ColumnRole.Feature);

    public static TableImportPlan ToPlan(IReadOnlyList<ColumnChoice> columns, LabelMode labelMode) => new(
        columns.Where(c => c.Role == ColumnRole.Feature).Select(c => c.Profile.Name).ToList(),
        columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Profile.Name,
        columns.FirstOrDefault(c => c.Role == ColumnRole.Label)?.Profile.Name,
        labelMode,
        columns.Where(c => c.Role == ColumnRole.Feature && c.Kind != c.Profile.Kind)
            .ToDictionary(c => c.Profile.Name, c => c.Kind));

    /// <summary>Only one id and one label column: choosing a second moves the first back to Ignored.</summary>
    public static void SetRole(IReadOnlyList<ColumnChoice> columns, ColumnChoice chosen, ColumnRole role)
    {
        if (role is ColumnRole.Id or ColumnRole.Label)
        {
            foreach (var other in columns.Where(c => c != chosen && c.Role == role))
            {
                other.Role = ColumnRole.Ignored;
            }
        }
        chosen.Role = role;
    }
}
