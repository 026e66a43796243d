using System.Collections.Concurrent;
using LabelStudio.Core.Media.Audio;
using LabelStudio.Ml.Features;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// An audio folder made ready to replay: each accepted clip's feature vector, standardized over
/// the pool as the app does, and the class its subfolder names. Clips the import would refuse are
/// skipped and listed with their reason.
/// </summary>
internal sealed record LabeledClips(
    string Folder,
    IReadOnlyList<string> Classes,
    IReadOnlyList<int> ClassSizes,
    IReadOnlyList<string> Skipped,
    TimeSpan Audio,
    float[][] Vectors,
    int[] Labels)
{
    public static LabeledClips Load(string folder, CancellationToken ct)
    {
        // 1. Decode and featurize every file, on every core; a refused file is only noted.
        var files = ClassFolder.List(folder);
        var clips = new AudioClip?[files.Count];
        var skipped = new ConcurrentBag<(int Index, string Reason)>();
        var parallel = new ParallelOptions
        {
            CancellationToken = ct,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };
        Parallel.For(0, files.Count, parallel, i =>
        {
            try
            {
                using var stream = File.OpenRead(files[i].Path);
                var name = Path.GetRelativePath(folder, files[i].Path);
                clips[i] = AudioClipProcessor.Process(stream, name, AudioClipOutputs.None, AudioLimits.Default);
            }
            catch (AudioRejectedException e)
            {
                skipped.Add((i, e.Message));
            }
        });

        // 2. Keep the accepted clips, name their classes, and standardize over the whole pool.
        var kept = Enumerable.Range(0, files.Count).Where(i => clips[i] is not null).ToArray();
        var classes = kept.Select(i => files[i].Class).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
        {
            throw new CliInputException($"{folder}: fewer than two classes hold a readable audio clip.");
        }

        var classOf = classes.Index().ToDictionary(c => c.Item, c => c.Index, StringComparer.Ordinal);
        var labels = kept.Select(i => classOf[files[i].Class]).ToArray();
        var raw = kept.Select(i => clips[i]!.Features).ToArray();
        var vectors = FeatureStandardizer.Fit(raw).TransformAll(raw);

        var sizes = classes.Select((_, c) => labels.Count(l => l == c)).ToArray();
        var audio = TimeSpan.FromTicks(kept.Sum(i => clips[i]!.Duration.Ticks));
        var reasons = skipped.OrderBy(s => s.Index).Select(s => s.Reason).ToArray();
        return new LabeledClips(folder, classes, sizes, reasons, audio, vectors, labels);
    }
}
