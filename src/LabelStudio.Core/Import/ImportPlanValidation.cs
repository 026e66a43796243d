using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Import;

/// <summary>A label value the project has no class for: where it first appears and how often.</summary>
public sealed record UnknownClass(string Name, long FirstLine, int RowCount);

/// <summary>
/// The outcome of checking a plan. <see cref="Errors"/> must be fixed in the file or the plan;
/// <see cref="UnknownClasses"/> are kept apart so the UI can offer to add them to the project
/// (then validate again) or reject the file. <see cref="FeatureKinds"/> holds the kind each
/// feature column will be imported as: the user's choice, else the inferred one.
/// </summary>
public sealed record ImportPlanValidation(
    string FileName,
    string? LabelColumn,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<UnknownClass> UnknownClasses,
    IReadOnlyDictionary<string, ColumnKind> FeatureKinds)
{
    public bool IsValid => Errors.Count == 0 && UnknownClasses.Count == 0;

    /// <summary>The unknown classes worded as errors, for when the user declines to add them.</summary>
    public IReadOnlyList<ImportError> UnknownClassErrors() =>
    [
        .. UnknownClasses.Select(c => new ImportError(
            FileName,
            c.FirstLine,
            LabelColumn,
            $"'{c.Name}' is not one of the project's classes ({c.RowCount} {(c.RowCount == 1 ? "row" : "rows")})")),
    ];

    /// <summary>For the writer: refuse to import unless there is nothing left to fix.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ImportFailedException([.. Errors, .. UnknownClassErrors()]);
        }
    }
}
