using System.IO.Compression;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Media;

/// <summary>ZIPs built in memory and the wait for the app's import worker, for the media tests.</summary>
internal static class MediaImports
{
    /// <summary>The app's import worker runs the job; this waits for its result.</summary>
    public static async Task<ImportJob> WaitForAsync(IServiceProvider services, int jobId)
    {
        var imports = services.GetRequiredService<ImportJobService>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var job = await imports.GetAsync(jobId, CancellationToken.None);
            if (job?.Status is JobStatus.Succeeded or JobStatus.Failed)
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Import {jobId} did not finish.");
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }
}
