using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelStudio.Benchmarks.Images;

/// <summary>
/// Many distinct real photos from the few that Debian ships: seeded random crops (256 to 400 pixels a side,
/// so the embedder still has to scale them) of scikit-learn's sample photos and matplotlib's portrait.
/// </summary>
internal static class PhotoCrops
{
    public static readonly string[] DefaultSources =
    [
        "/usr/lib/python3/dist-packages/sklearn/datasets/images/china.jpg",
        "/usr/lib/python3/dist-packages/sklearn/datasets/images/flower.jpg",
        "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg",
    ];

    public static List<Image<Rgb24>> Make(IReadOnlyList<string> sources, int count, int seed)
    {
        var photos = sources.Select(Image.Load<Rgb24>).ToArray();
        var random = new Random(seed);
        var crops = new List<Image<Rgb24>>(count);
        for (var i = 0; i < count; i++)
        {
            var photo = photos[i % photos.Length];
            var side = random.Next(256, Math.Min(400, Math.Min(photo.Width, photo.Height)) + 1);
            var (x, y) = (random.Next(photo.Width - side + 1), random.Next(photo.Height - side + 1));
            var area = new Rectangle(x, y, side, side);
            crops.Add(photo.Clone(context => context.Crop(area)));
        }

        foreach (var photo in photos)
        {
            photo.Dispose();
        }

        return crops;
    }
}
