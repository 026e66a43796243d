using LabelStudio.Core.Media.Audio;

namespace LabelStudio.Benchmarks;

/// <summary>
/// `audio-features`: decode + 16 kHz mono + MFCC/spectral summary per clip over a folder of clips
/// (default the spoken-language sample), one thread and then every thread, in clips per second and
/// seconds of audio per second. With --media, also the display copy and both pictures, which is
/// the whole per-clip work of an audio import.
/// </summary>
internal static class AudioFeaturesBenchmark
{
    public static int Run(BenchArgs args)
    {
        var folder = args.Text("folder", Path.Combine("samples", "spoken-language"));
        var repeats = args.Int("repeats", 3);
        var media = args.Has("media");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetRelativePath(folder, path), Bytes: File.ReadAllBytes(path)))
            .ToArray();
        var audioSeconds = files.Sum(f => Process(f.Bytes, f.Name, media: false).Duration.TotalSeconds);
        Console.WriteLine($"audio-features: {files.Length} clips, {audioSeconds:0.0} s of audio from {folder}; " +
            $"{repeats} runs per setting; {Environment.ProcessorCount} cores; media outputs {(media ? "on" : "off")}");

        foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            var seconds = Enumerable.Range(0, repeats)
                .Select(_ => Stats.Seconds(() =>
                    Parallel.ForEach(files, options, f => Process(f.Bytes, f.Name, media))))
                .ToArray();
            var median = Stats.Median(seconds);
            var runs = string.Join(", ", seconds.Select(s => $"{s:0.00}"));
            Console.WriteLine($"  {threads} thread(s): median {median:0.00} s = {files.Length / median:0.0} clips/s, " +
                $"{audioSeconds / median:0.0} s of audio per second (runs {runs})");
        }

        return 0;
    }

    private static AudioClip Process(byte[] bytes, string name, bool media)
    {
        using var source = new MemoryStream(bytes);
        var outputs = media
            ? new AudioClipOutputs(new MemoryStream(), new MemoryStream(), new MemoryStream())
            : AudioClipOutputs.None;
        return AudioClipProcessor.Process(source, name, outputs, AudioLimits.Default);
    }
}
