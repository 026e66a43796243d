namespace LabelStudio.Core.Media.Audio;

/// <summary>The name of every slot of an audio feature vector, in order.</summary>
public static class AudioFeatureLayout
{
    public const int MfccCount = 13;

    public static IReadOnlyList<string> FrameFeatures { get; } =
        [.. Enumerable.Range(1, MfccCount).Select(i => $"mfcc{i}"), "centroid", "rolloff", "zcr", "rms"];

    /// <summary>Mean and standard deviation of each frame feature, then of each MFCC delta.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. FrameFeatures.SelectMany(f => new[] { $"{f}_mean", $"{f}_std" }),
        .. Enumerable.Range(1, MfccCount).SelectMany(i => new[] { $"mfcc{i}_delta_mean", $"mfcc{i}_delta_std" }),
    ];

    public static int Dimensions => Names.Count;
}
