namespace LabelStudio.Ml.Images;

/// <summary>How images are embedded.</summary>
public sealed record ImageEmbedderOptions
{
    /// <summary>The side ResNet18 was trained at; photos are resized to it.</summary>
    public const int PhotoInputSize = 224;

    /// <summary>The side used for small images (see <see cref="ForLargestSide"/>): a tenth of the work.</summary>
    public const int SmallInputSize = 64;

    /// <summary>Images at most this large on their longest side count as small.</summary>
    public const int SmallImageLimit = 64;

    /// <summary>
    /// The ONNX file of the network. Null means the file the ResNet18 package puts in the application's
    /// <c>DnnImageModels/ResNet18Onnx</c> folder.
    /// </summary>
    public string? ModelPath { get; init; }

    /// <summary>
    /// The square side every image is scaled and cropped to before the network, a multiple of 32 from 32 to
    /// 448. Vectors made at different sizes are not comparable: use one size per project.
    /// </summary>
    public int InputSize { get; init; } = PhotoInputSize;

    /// <summary>
    /// Images per network call; larger batches are faster up to a point and use more memory (at 224, about
    /// 20 MB more peak working set per image in the batch).
    /// </summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Threads the network may use inside one call.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Options for a project whose largest image has this longest side: small images such as 28×28 run at
    /// <see cref="SmallInputSize"/> in batches of 64 instead of being upscaled to 224.
    /// </summary>
    public static ImageEmbedderOptions ForLargestSide(int pixels) => pixels <= SmallImageLimit
        ? new ImageEmbedderOptions { InputSize = SmallInputSize, BatchSize = 64 }
        : new ImageEmbedderOptions { InputSize = PhotoInputSize };
}
