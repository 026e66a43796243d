using System.IO.Compression;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Media;

/// <summary>ZIPs and WAVs built in memory and the wait for the app's import worker, for the media tests.</summary>
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

    /// <summary>A mono 16-bit PCM WAV of a 440 Hz tone.</summary>
    public static byte[] SineWav(int sampleRate, double seconds)
    {
        var frames = (int)(sampleRate * seconds);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + frames * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 2);
        for (var i = 0; i < frames; i++)
        {
            writer.Write((short)(12000 * Math.Sin(2 * Math.PI * 440 * i / sampleRate)));
        }
        writer.Flush();
        return stream.ToArray();
    }
}
