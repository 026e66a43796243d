using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Ml.Tests.Images;

/// <summary>Real Fashion-MNIST pictures copied from samples/ into the test output, by class folder.</summary>
internal static class SampleImages
{
    public static string Folder(string className) => Path.Combine(AppContext.BaseDirectory, "samples", className);

    /// <summary>The first <paramref name="count"/> images of a class, in file-name order.</summary>
    public static List<Image<Rgb24>> Load(string className, int count) => Directory
        .GetFiles(Folder(className), "*.png")
        .Order(StringComparer.Ordinal)
        .Take(count)
        .Select(Image.Load<Rgb24>)
        .ToList();
}
