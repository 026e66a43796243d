using System.Globalization;
using System.IO.Compression;
using LabelStudio.Core.Export.Media;

namespace LabelStudio.Core.Export.Writers;

/// <summary>
/// The imagefolder / audiofolder layout: each exported item's original file in the folder of its
/// label (skips in <c>_skipped</c>), and <c>metadata.csv</c> at the top with one row per exported
/// decision, its first column the file's path in the package. Files are copied straight from the
/// data directory into the ZIP one at a time; the metadata goes to a scratch file meanwhile (a ZIP
/// being written has one open entry at a time) and is added at the end.
/// </summary>
internal sealed class MediaFolderExportWriter : IExportWriter
{
    private const string SkippedFolder = "_skipped";

    // Formats that are compressed already: deflating them again only costs time.
    private static readonly HashSet<string> Compressed = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".ogg", ".oga", ".flac", ".m4a", ".opus",
    };

    private readonly ExportTarget _target;
    private readonly string _scratchFile;
    private readonly CsvExportWriter _metadata;
    private readonly Dictionary<string, string> _folders;
    private readonly string _skipped;
    private readonly Dictionary<ExportRecord, string> _paths = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _foldersOfItem = new(StringComparer.Ordinal);
    private long? _item;

    public MediaFolderExportWriter(ExportSchema schema, ExportTarget target)
    {
        _target = target;
        var folders = PackageNames.Distinct([.. schema.Classes, SkippedFolder]);
        _folders = schema.Classes.Select((c, i) => (c, folders[i]))
            .ToDictionary(p => p.c, p => p.Item2, StringComparer.Ordinal);
        _skipped = folders[^1];
        _scratchFile = Path.Combine(target.ScratchDirectory, DataEntry);
        _metadata = new CsvExportWriter(
            schema, File.Create(_scratchFile), DataEntry, new CsvLead(schema.Columns.MediaLead, LeadCells));
    }

    public string DataEntry => "metadata.csv";

    public async Task WriteAsync(IReadOnlyList<ExportRecord> batch, CancellationToken cancellationToken)
    {
        foreach (var record in batch)
        {
            _paths[record] = await AddFileAsync(record, cancellationToken);
        }
        await _metadata.WriteAsync(batch, cancellationToken);
        _paths.Clear();
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _metadata.CompleteAsync(cancellationToken);
        await _metadata.DisposeAsync();
        var entry = _target.Archive.CreateEntry(DataEntry, CompressionLevel.Fastest);
        await using var source = File.OpenRead(_scratchFile);
        await using var destination = entry.Open();
        await source.CopyToAsync(destination, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _metadata.DisposeAsync();
        File.Delete(_scratchFile);
    }

    /// <summary>
    /// Copies the item's file into its label's folder, once per item and folder (with every label
    /// event exported, an item appears once in each folder it was labeled into). The item id in the
    /// name keeps two uploads called <c>img.png</c> apart without remembering every name written.
    /// </summary>
    private async Task<string> AddFileAsync(ExportRecord record, CancellationToken cancellationToken)
    {
        var media = record.Media ?? throw new InvalidDataException(
            $"Item {record.ItemId} ({record.ExternalId}) has no media file; only media projects export folders.");
        var folder = record.Decision.ClassName is { } name
            ? _folders.GetValueOrDefault(name) ?? PackageNames.Segment(name)
            : _skipped;
        var path = $"{folder}/{record.ItemId}-{PackageNames.Segment(media.FileName)}";
        if (_item != record.ItemId)
        {
            _item = record.ItemId;
            _foldersOfItem.Clear();
        }
        if (!_foldersOfItem.Add(folder))
        {
            return path;
        }

        if (!File.Exists(media.OriginalPath))
        {
            throw new FileNotFoundException(
                $"The original file of item {record.ItemId} ({media.SourcePath}) is missing from the data directory.");
        }
        var level = Compressed.Contains(Path.GetExtension(media.FileName))
            ? CompressionLevel.NoCompression
            : CompressionLevel.Fastest;
        await using var source = File.OpenRead(media.OriginalPath);
        await using var destination = _target.Archive.CreateEntry(path, level).Open();
        await source.CopyToAsync(destination, cancellationToken);
        return path;
    }

    private IEnumerable<string?> LeadCells(ExportRecord record) =>
    [
        _paths[record],
        record.ItemId.ToString(CultureInfo.InvariantCulture),
        record.Media?.SourcePath,
        record.LabelSource?.ToString().ToLowerInvariant(),
    ];
}
