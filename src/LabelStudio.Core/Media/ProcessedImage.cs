namespace LabelStudio.Core.Media;

/// <summary>An image that passed every check, with the files written for it (names inside the job's folder).</summary>
public sealed record ProcessedImage(
    string Format,
    int Width,
    int Height,
    string OriginalFile,
    string DisplayFile,
    string ThumbnailFile,
    long ByteSize);
