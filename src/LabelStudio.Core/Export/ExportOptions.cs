using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabelStudio.Core.Export;

/// <summary>
/// What an export holds. Stored with the job and written into the manifest, so an export can be
/// repeated exactly.
/// </summary>
/// <param name="MinimumAgreement">
/// Keep only items whose current label is shared by at least this share (0..1) of the annotators who
/// labeled the item; null keeps every item.
/// </param>
/// <param name="IncludeSkipped">Also export skips: items only ever skipped (final labels) or skip events.</param>
/// <param name="IncludePredictions">Add the current model's predicted class and class probabilities.</param>
/// <param name="IncludeFeatures">Add the feature vector the model learns from.</param>
public sealed record ExportOptions(
    ExportFormat Format = ExportFormat.Csv,
    ExportScope Scope = ExportScope.FinalLabels,
    double? MinimumAgreement = null,
    bool IncludeSkipped = false,
    bool IncludePredictions = false,
    bool IncludeFeatures = false)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ExportOptions FromJson(string json) =>
        JsonSerializer.Deserialize<ExportOptions>(json, Json)
            ?? throw new InvalidDataException("The export options are empty.");

    /// <summary>Problems that make these options unusable, each naming the option; empty when fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Format))
        {
            problems.Add($"format: '{Format}' is not an export format.");
        }
        if (!Enum.IsDefined(Scope))
        {
            problems.Add($"scope: '{Scope}' is not an export scope.");
        }
        if (MinimumAgreement is { } agreement && (double.IsNaN(agreement) || agreement is < 0 or > 1))
        {
            problems.Add($"minimumAgreement: {agreement} is outside 0..1.");
        }
        return problems;
    }
}
