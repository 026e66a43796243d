using LabelStudio.Ml.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// A folder of labeled images made ready to replay: each subfolder is a class and every image below it
/// an example of that class (the oracle); images are embedded by the app's image embedder.
/// Classes are the subfolder names in ordinal order.
/// </summary>
internal sealed record ImageFolder(
    string Path,
    int Unlabeled,
    IReadOnlyList<string> Classes,
    IReadOnlyList<int> ClassSizes,
    string EmbedderName,
    int InputSize,
    float[][] Vectors,
    int[] Labels)
{
    private const int Chunk = 256;

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff",
    };

    /// <summary>Whether a class folder holds images rather than audio clips: any image file under it decides.</summary>
    public static bool HoldsImages(string path) =>
        Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Any(IsImage);

    public static ImageFolder Load(string path, CancellationToken ct)
    {
        // 1. Classes and their images; loose images beside the class folders have no class.
        var classes = Directory.GetDirectories(path)
            .Select(folder => (Name: System.IO.Path.GetFileName(folder), Files: ImagesUnder(folder)))
            .Where(c => c.Files.Length > 0)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
        var unlabeled = Directory.GetFiles(path).Count(IsImage);
        CheckTwoClasses(path, classes.Select(c => c.Name).ToArray());
        var files = classes.SelectMany(c => c.Files).ToArray();
        var labels = classes.SelectMany((c, index) => Enumerable.Repeat(index, c.Files.Length)).ToArray();

        // 2. Every header is read before any image is decoded, so a bad file stops the run at once.
        var largestSide = files.Max(file => ImageFiles.LargestSide(file));
        var options = ImageEmbedderOptions.ForLargestSide(largestSide);

        // 3. Embed a chunk of decoded images at a time, so memory holds one chunk.
        using var embedder = ImageEmbedders.Create(options);
        var vectors = new List<float[]>(files.Length);
        foreach (var chunk in files.Chunk(Chunk))
        {
            var images = chunk.Select(ImageFiles.Decode).ToList();
            try
            {
                vectors.AddRange(embedder.Embed(images, ct));
            }
            finally
            {
                images.ForEach(image => image.Dispose());
            }
        }

        return new ImageFolder(
            path, unlabeled, classes.Select(c => c.Name).ToArray(), classes.Select(c => c.Files.Length).ToArray(),
            embedder.Name, options.InputSize, [.. vectors], labels);
    }

    private static string[] ImagesUnder(string folder) => Directory
        .GetFiles(folder, "*", SearchOption.AllDirectories)
        .Where(IsImage)
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static bool IsImage(string file) => ImageExtensions.Contains(System.IO.Path.GetExtension(file));

    private static void CheckTwoClasses(string path, string[] classes)
    {
        var message = classes.Length switch
        {
            0 => "no class subfolder holds an image (expected <folder>/<class>/<image>)",
            1 => $"only one class subfolder ('{classes[0]}') holds images; at least two are needed",
            _ => null,
        };
        if (message is not null)
        {
            throw new CliInputException($"{path}: {message}.");
        }
    }
}
