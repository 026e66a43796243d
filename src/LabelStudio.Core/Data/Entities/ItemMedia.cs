namespace LabelStudio.Core.Data.Entities;

/// <summary>The files behind a media item: where they are stored and what the source file was.</summary>
public sealed class ItemMedia
{
    public long ItemId { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The file's name as uploaded, for display only; never used as a path.</summary>
    public required string FileName { get; set; }

    /// <summary>Path inside the ZIP or folder it came from, with '/' separators, for display and export.</summary>
    public required string RelativePath { get; set; }

    /// <summary>Folder under the data directory with the import's originals, display copies, thumbnails.</summary>
    public required string StoredFolder { get; set; }

    /// <summary>File name of the original inside <see cref="StoredFolder"/>, e.g. 000042-original.tiff.</summary>
    public required string OriginalFile { get; set; }

    /// <summary>File name of the browser-safe copy in <see cref="StoredFolder"/>, e.g. 000042-display.png.</summary>
    public required string DisplayFile { get; set; }

    /// <summary>
    /// File name of the thumbnail; the display copy itself for images no larger than a thumbnail. For an
    /// audio clip, its waveform picture.
    /// </summary>
    public required string ThumbnailFile { get; set; }

    /// <summary>The detected format of the original, e.g. PNG or TIFF.</summary>
    public required string Format { get; set; }

    public int Width { get; set; }
    public int Height { get; set; }
    public long ByteSize { get; set; }

    /// <summary>An audio clip's length in seconds; null for images.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>File name of a clip's spectrogram picture in <see cref="StoredFolder"/>; null for images.</summary>
    public string? SpectrogramFile { get; set; }

    /// <summary>
    /// An audio clip's feature vector before standardization (<see cref="Features.FeatureVectorCodec"/>).
    /// Kept so that a later import can standardize every clip of the project again, on one scale.
    /// </summary>
    public byte[]? RawFeatures { get; set; }
}
