namespace LabelStudio.Core.Import;

/// <summary>One problem found in an uploaded file, located as precisely as we can.</summary>
public sealed record ImportError(string FileName, long? Line, string? Column, string Message)
{
    public override string ToString()
    {
        var place = FileName;
        if (Line is { } line)
        {
            place += $", line {line}";
        }

        if (Column is not null)
        {
            place += $", column '{Column}'";
        }

        return $"{place}: {Message}";
    }
}
