using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Ml.Images;

/// <summary>
/// Turns decoded images into fixed-length feature vectors that the trainer, the query strategies and
/// the ranking use exactly like featurized table rows.
/// </summary>
/// <remarks>
/// Images must already be decoded safely (size limits checked); the embedder only reads their pixels
/// and never disposes them. Implementations are thread-safe.
/// </remarks>
public interface IImageEmbedder : IDisposable
{
    /// <summary>Which embedder is in use: <see cref="ImageEmbedderNames.ResNet18"/> or the fallback.</summary>
    string Name { get; }

    /// <summary>The length of every vector this embedder returns.</summary>
    int Dimension { get; }

    /// <summary>One vector per image, in the order given. Batches internally; call it with many images.</summary>
    float[][] Embed(IReadOnlyList<Image<Rgb24>> images, CancellationToken ct = default);
}
