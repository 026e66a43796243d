using System.IO.Compression;

namespace LabelStudio.Core.Export.Writers;

/// <summary>
/// Writes export rows into the package, batch by batch. A writer adds its own entries to the ZIP,
/// so a format made of many files (an image folder per class) fits the same way as one table file.
/// </summary>
internal interface IExportWriter : IAsyncDisposable
{
    /// <summary>The package entry (or folder) holding the data, named in the manifest.</summary>
    string DataEntry { get; }

    Task WriteAsync(IReadOnlyList<ExportRecord> batch, CancellationToken cancellationToken);

    /// <summary>Finishes the data entries; the package's other entries follow.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>What a writer is given: the archive to write into and a folder for scratch files.</summary>
internal sealed record ExportTarget(ZipArchive Archive, string ScratchDirectory);
