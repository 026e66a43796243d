using System.IO.Compression;
using System.Text;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>A finished export package, its entries read into memory (test exports are small).</summary>
internal sealed record ExportPackage(
    ExportJob Job, ExportManifest Manifest, IReadOnlyDictionary<string, byte[]> Entries)
{
    public byte[] Data => Entries[Manifest.DataFile];

    public string DataText => Encoding.UTF8.GetString(Data);
}

/// <summary>Runs exports the way the export page does: queue a job, let the runner do it, open the ZIP.</summary>
internal static class Exports
{
    public static async Task<ExportPackage> ExportAsync(
        this TestDatabase database, int projectId, ExportOptions options, string? userId = null)
    {
        var jobs = database.Get<ExportJobService>();
        var queued = await jobs.StartAsync(projectId, options, userId, CancellationToken.None);
        var job = await database.Get<ExportRunner>().RunAsync(queued.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The export was claimed by another runner.");
        var path = jobs.FilePath(job) ?? throw new InvalidOperationException($"Export failed: {job.Message}");
        return Open(job, path);
    }

    public static ExportPackage Open(ExportJob job, string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        var manifest = ExportManifest.Parse(new MemoryStream(entries[ExportManifest.EntryName]));
        return new ExportPackage(job, manifest, entries);
    }
}
