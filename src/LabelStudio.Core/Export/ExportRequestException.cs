namespace LabelStudio.Core.Export;

/// <summary>An export that cannot start: unusable options or a missing project. Each problem names its field.</summary>
public sealed class ExportRequestException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
