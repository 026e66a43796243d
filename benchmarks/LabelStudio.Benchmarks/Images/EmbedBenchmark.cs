using System.Diagnostics;
using LabelStudio.Ml.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Benchmarks.Images;

/// <summary>
/// Featurization throughput and memory: real photos (crops of Debian's sample photos) or 28×28 Fashion-MNIST
/// pictures through the image embedder, after one untimed warm-up batch. Run one kind per process: the
/// peak working set is the process's.
/// </summary>
internal static class EmbedBenchmark
{
    public static int Run(BenchArgs args)
    {
        var kind = args.Text("kind", "photo");
        var count = args.Int("images", 400);
        var images = kind == "photo"
            ? PhotoCrops.Make(args.Text("photos")?.Split(',') ?? PhotoCrops.DefaultSources, count, seed: 0)
            : FashionMnist.Load(args.Text("data", FashionMnist.DefaultDirectory), "t10k").Images
                .Take(count).Select(FashionImages.ToImage).ToList();
        var beforeLoad = Megabytes(Process.GetCurrentProcess().WorkingSet64);

        var options = new ImageEmbedderOptions
        {
            InputSize = args.Int("size", kind == "photo" ? 224 : ImageEmbedderOptions.SmallInputSize),
            BatchSize = args.Int("batch", 16),
            Threads = args.Int("threads", Environment.ProcessorCount),
        };
        var load = Stopwatch.StartNew();
        using var embedder = args.Has("fallback")
            ? ImageEmbedders.Create(options with { ModelPath = "/nonexistent" })
            : ImageEmbedders.Create(options);
        var loadSeconds = load.Elapsed.TotalSeconds;
        var afterLoad = Megabytes(Process.GetCurrentProcess().WorkingSet64);

        embedder.Embed(images.Take(options.BatchSize).ToList());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var repeats = Enumerable.Range(0, args.Int("repeats", 3))
            .Select(_ => count / Stats.Seconds(() => embedder.Embed(images)))
            .ToArray();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

        Console.WriteLine($"{embedder.Name}, {kind} images ({images[0].Width}×{images[0].Height} and up), " +
            $"input {options.InputSize}, batch {options.BatchSize}, threads {options.Threads}");
        Console.WriteLine($"  load {loadSeconds:F1} s; {count} images per repeat: " +
            $"{string.Join(" ", repeats.Select(r => r.ToString("F1")))} images/s, median {Stats.Median(repeats):F1}");
        // On a busy machine wall time says more about the neighbours; CPU time per image does not.
        var perCpuSecond = count * repeats.Length / cpuSeconds;
        Console.WriteLine($"  {perCpuSecond:F1} images per CPU second: {options.Threads * perCpuSecond:F0} images/s " +
            $"if {options.Threads} cores were free; load average {LoadAverage()}");
        Console.WriteLine($"  working set: {beforeLoad:F0} MiB with the images, {afterLoad:F0} MiB after loading, " +
            $"peak {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64):F0} MiB");
        images.ForEach(image => image.Dispose());
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024);
}
