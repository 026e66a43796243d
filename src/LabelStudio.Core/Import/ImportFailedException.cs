namespace LabelStudio.Core.Import;

/// <summary>Thrown when a file cannot be imported; carries every problem found, not just the first.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ImportError> errors) => errors.Count switch
    {
        0 => "The import failed.",
        1 => errors[0].ToString(),
        _ => $"{errors.Count} problems, the first: {errors[0]}",
    };
}
