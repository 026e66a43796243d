namespace LabelStudio.Core.Media;

/// <summary>
/// A media file that passed every check, with the files written for it (names inside the job's folder).
/// Images fill in their size; audio clips their duration, spectrogram and raw feature vector, and
/// their waveform picture stands in as the thumbnail.
/// </summary>
public sealed record ProcessedMedia(
    string Format,
    int Width,
    int Height,
    string OriginalFile,
    string DisplayFile,
    string ThumbnailFile,
    long ByteSize)
{
    public double? DurationSeconds { get; init; }

    public string? SpectrogramFile { get; init; }

    /// <summary>An audio clip's features before standardization over the project.</summary>
    public float[]? RawFeatures { get; init; }
}
