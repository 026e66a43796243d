namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// An audio file that cannot be used. <see cref="Reason"/> is a sentence for the import report;
/// the message adds the file name so the CLI and logs can show it on its own.
/// </summary>
public sealed class AudioRejectedException(string fileName, string reason, Exception? inner = null)
    : Exception($"{fileName}: {reason}", inner)
{
    public string FileName { get; } = fileName;

    public string Reason { get; } = reason;
}
