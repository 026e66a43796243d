namespace LabelStudio.Core.Features;

/// <summary>Where the image network comes from, and how often a failed load is tried again.</summary>
public sealed class ImageFeatureOptions
{
    public const string Section = "ImageFeatures";

    /// <summary>The ResNet18 ONNX file; null means the one the package installs beside the application.</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// After ResNet18 failed to load, projects that need it wait this long before the next attempt: a load takes
    /// seconds and hundreds of megabytes, too much to repeat on every poll.
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);
}
