using System.Globalization;
using System.Text.RegularExpressions;

namespace LabelStudio.Core.Features;

/// <summary>
/// The embedder and input size a project's vectors come from, stored in <c>Project.Embedder</c> as
/// "resnet18 (64 px)". Vectors of another embedder or size are not comparable, so a project keeps this for life.
/// </summary>
internal sealed partial record ProjectEmbedder(string Name, int InputSize)
{
    public override string ToString() => $"{Name} ({InputSize} px)";

    public static ProjectEmbedder? Parse(string? stored) =>
        stored is not null && Stored().Match(stored) is { Success: true } match
            ? new ProjectEmbedder(match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;

    [GeneratedRegex(@"^(\S+) \((\d+) px\)$")]
    private static partial Regex Stored();
}
