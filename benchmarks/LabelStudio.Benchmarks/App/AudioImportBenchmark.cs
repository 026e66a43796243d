using System.Diagnostics;
using System.IO.Compression;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// `audio-import`: a folder of clips with class subfolders (default the spoken-language sample),
/// zipped and sent through the product's whole audio import into a fresh SQLite file: upload copy,
/// every clip decoded with its guards, display WAV, waveform, spectrogram and raw features, the one
/// write transaction; then the featurize step that standardizes the project's clips together.
/// </summary>
internal static class AudioImportBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var folder = args.Text("folder", Path.Combine("samples", "spoken-language"));
        var repeats = args.Int("repeats", 3);
        var zip = Path.Combine(Path.GetTempPath(), $"labelstudio-audio-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(folder, zip);
        Console.WriteLine($"audio-import: {folder} ({new FileInfo(zip).Length / 1e6:0.0} MB zipped), {repeats} runs");

        var seconds = new List<double>();
        try
        {
            for (var run = 0; run < repeats; run++)
            {
                await using var host = await BenchHost.StartAsync();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var (projectId, clips) = await ImportAsync(host, zip, run);
                var imported = clock.Elapsed.TotalSeconds;
                await host.Get<AudioFeaturizer>().RunAsync(projectId, CancellationToken.None);
                var audioSeconds = await AudioSecondsAsync(host, projectId);
                seconds.Add(imported);
                Console.WriteLine($"  run {run + 1}: {clips} clips, {audioSeconds:0.0} s of audio imported in " +
                    $"{imported:0.00} s = {clips / imported:0.0} clips/s, " +
                    $"{audioSeconds / imported:0.0} s of audio/s; " +
                    $"standardized in {clock.Elapsed.TotalSeconds - imported:0.00} s; " +
                    $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s; " +
                    $"load average {LoadAverage.Now()}");
            }
        }
        finally
        {
            File.Delete(zip);
        }

        Console.WriteLine($"median import {Stats.Median(seconds):0.00} s; {Environment.ProcessorCount} cores");
        return 0;
    }

    private static async Task<(int ProjectId, int Clips)> ImportAsync(BenchHost host, string zip, int run)
    {
        var draft = new ProjectDraft
        {
            Name = $"audio-{run}",
            DataKind = DataKind.Audio,
            Classes = [new ClassDraft { Name = "placeholder" }, new ClassDraft { Name = "other" }],
        };
        var project = await host.Get<ProjectService>().CreateAsync(draft, userId: null, CancellationToken.None);
        var imports = host.Get<ImportJobService>();
        await using var stream = File.OpenRead(zip);
        var job = await imports.UploadAsync(project.Id, "clips.zip", stream, userId: null, CancellationToken.None);
        var request = new MediaImportRequest(null, LabelMode.HiddenGroundTruth, SkipBadFiles: false);
        await imports.StartMediaAsync(job.Id, request, CancellationToken.None);
        var done = await host.Get<ImportRunner>().RunAsync(job.Id, CancellationToken.None);
        if (done?.Status != JobStatus.Succeeded)
        {
            throw new InvalidOperationException($"The import failed: {done?.Message}");
        }
        return (project.Id, done.ImportedCount);
    }

    private static async Task<double> AudioSecondsAsync(BenchHost host, int projectId)
    {
        var contexts = host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<LabelStudio.Core.Data.AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return db.ItemMedia.Where(m => m.ProjectId == projectId).AsEnumerable().Sum(m => m.DurationSeconds ?? 0);
    }
}
