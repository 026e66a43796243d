using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// Whether a project of a given kind can take an upload, judged from its name and first bytes before
/// it is stored: a client that sends the wrong file hears it at once, not from a failed import job.
/// Tables refuse what the parser would refuse first (<see cref="BinaryFileCheck"/>); images and audio
/// come as a ZIP, so anything else is refused.
/// </summary>
public static class UploadContentCheck
{
    /// <summary>The leading bytes the check wants: as many as the parser sniffs, fewer for a smaller file.</summary>
    public const int PrefixBytes = TableFileParser.SniffBytes;

    /// <summary>Why a <paramref name="kind"/> project cannot import the file; null when it may try.</summary>
    public static string? Refusal(DataKind kind, string fileName, ReadOnlySpan<byte> prefix)
    {
        if (kind == DataKind.Table)
        {
            var encoding = EncodingSniffer.Sniff(prefix, isWholeFile: prefix.Length < PrefixBytes);
            return BinaryFileCheck.ReasonFor(fileName, prefix, encoding.Encoding);
        }

        // A ZIP starts with a local file header, or with the end record when it holds nothing.
        return prefix.StartsWith("PK\u0003\u0004"u8) || prefix.StartsWith("PK\u0005\u0006"u8)
            ? null
            : $"this is not a ZIP archive; {kind.ToString().ToLowerInvariant()} projects take a ZIP of their files";
    }
}
