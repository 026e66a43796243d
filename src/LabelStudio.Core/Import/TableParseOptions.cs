using System.Text;

namespace LabelStudio.Core.Import;

/// <summary>Caller overrides for sniffing; leave a property null to let the parser decide.</summary>
public sealed record TableParseOptions
{
    public static TableParseOptions Default { get; } = new();

    public Encoding? Encoding { get; init; }

    public char? Delimiter { get; init; }

    public TableFileFormat? Format { get; init; }

    /// <summary>The stream's size when it cannot seek (an upload), so progress can be reported.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>Stop collecting after this many problems: enough to fix a file, not a flood.</summary>
    public int MaxErrors { get; init; } = 20;
}
