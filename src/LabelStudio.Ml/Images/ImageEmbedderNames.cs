namespace LabelStudio.Ml.Images;

/// <summary>The values of <see cref="IImageEmbedder.Name"/>; store it beside the vectors it made.</summary>
public static class ImageEmbedderNames
{
    /// <summary>512 floats from the global pool of the pretrained ResNet18.</summary>
    public const string ResNet18 = "resnet18";

    /// <summary>The fallback when the network cannot load: downscaled grey pixels and a colour histogram.</summary>
    public const string PixelHistogram = "pixel-histogram";
}
