namespace LabelStudio.Core.Projects;

/// <summary>Settings that cannot be saved, with every problem listed.</summary>
public sealed class ProjectSettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
