using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>
/// The files of one import, handed out one at a time so a large ZIP is never held in memory whole.
/// Files refused while reading (unsafe names, over the size limit) and the manifest are known once
/// <see cref="Files"/> has been read to the end.
/// </summary>
internal interface IMediaSource : IDisposable
{
    /// <summary>How many entries the source holds, for progress.</summary>
    int Count { get; }

    IEnumerable<MediaFile> Files { get; }

    MediaFile? Manifest { get; }

    IReadOnlyList<ImportError> Rejected { get; }
}
