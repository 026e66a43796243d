using System.Diagnostics;
using LabelStudio.Ml.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Benchmarks.Images;

/// <summary>Fashion-MNIST pictures as the app would hold them (decoded RGB images), and their embeddings.</summary>
internal static class FashionImages
{
    private const int Side = 28;
    private const int Chunk = 256;

    public static Image<Rgb24> ToImage(byte[] grey)
    {
        using var image = Image.LoadPixelData<L8>(grey, Side, Side);
        return image.CloneAs<Rgb24>();
    }

    /// <summary>Embeds in chunks, so only a chunk of decoded images is alive at a time.</summary>
    public static float[][] Embed(IImageEmbedder embedder, IReadOnlyList<byte[]> pictures)
    {
        var clock = Stopwatch.StartNew();
        var vectors = new List<float[]>(pictures.Count);
        for (var start = 0; start < pictures.Count; start += Chunk)
        {
            var images = pictures.Skip(start).Take(Chunk).Select(ToImage).ToList();
            vectors.AddRange(embedder.Embed(images));
            images.ForEach(image => image.Dispose());
            Console.Error.Write($"\rembedded {vectors.Count}/{pictures.Count}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine(
            $"\rembedded {pictures.Count} in {seconds:F1} s ({pictures.Count / seconds:F0} images/s)");
        return [.. vectors];
    }

    /// <summary>Embeddings are slow to make at 224: keep them in a file named after what made them.</summary>
    public static float[][] EmbedCached(string? cacheDirectory, string key, Func<float[][]> make)
    {
        if (cacheDirectory is null)
        {
            return make();
        }

        var path = Path.Combine(cacheDirectory, key + ".f32");
        if (File.Exists(path))
        {
            return Read(path);
        }

        var vectors = make();
        Directory.CreateDirectory(cacheDirectory);
        Write(path, vectors);
        return vectors;
    }

    private static float[][] Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var (count, length) = (reader.ReadInt32(), reader.ReadInt32());
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var bytes = reader.ReadBytes(length * sizeof(float));
            vectors[i] = new float[length];
            Buffer.BlockCopy(bytes, 0, vectors[i], 0, bytes.Length);
        }

        return vectors;
    }

    private static void Write(string path, float[][] vectors)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(vectors.Length);
        writer.Write(vectors[0].Length);
        foreach (var vector in vectors)
        {
            var bytes = new byte[vector.Length * sizeof(float)];
            Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
            writer.Write(bytes);
        }
    }
}
