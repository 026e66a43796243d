namespace LabelStudio.Core.Import;

/// <summary>Gathers problems for one file up to a cap, so a bad file yields a useful list, not a flood.</summary>
internal sealed class ErrorCollector(string fileName, int maxErrors)
{
    private readonly List<ImportError> _errors = [];

    public bool IsFull => _errors.Count >= maxErrors;

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<ImportError> Errors => _errors;

    public void Add(long? line, string? column, string message)
    {
        if (!IsFull)
        {
            _errors.Add(new ImportError(fileName, line, column, message));
        }
    }

    public void Add(ImportError error)
    {
        if (!IsFull)
        {
            _errors.Add(error);
        }
    }

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new ImportFailedException(_errors);
        }
    }

    public static ImportFailedException Single(string fileName, long? line, string message) =>
        new([new ImportError(fileName, line, null, message)]);
}
