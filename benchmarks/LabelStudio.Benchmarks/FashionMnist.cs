using System.Buffers.Binary;
using System.IO.Compression;

namespace LabelStudio.Benchmarks;

/// <summary>Reads the gzip'd IDX files shipped by Debian's dataset-fashion-mnist package.</summary>
internal static class FashionMnist
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    public sealed record Split(byte[][] Images, int[] Labels);

    public static Split Load(string directory, string prefix)
    {
        var images = ReadIdx(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), out var shape);
        var labels = ReadIdx(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), out _);
        var width = shape[1] * shape[2];
        var rows = Enumerable.Range(0, shape[0]).Select(i => images.AsSpan(i * width, width).ToArray()).ToArray();
        return new Split(rows, labels.Select(b => (int)b).ToArray());
    }

    private static byte[] ReadIdx(string path, out int[] shape)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        // Header: two zero bytes, a type code (0x08 = unsigned byte), the rank, then big-endian sizes.
        if (data[0] != 0 || data[1] != 0 || data[2] != 0x08)
        {
            throw new InvalidDataException($"{path} is not an unsigned-byte IDX file.");
        }

        var rank = data[3];
        shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(data[(4 + 4 * d)..]);
        }

        return data[(4 + 4 * rank)..].ToArray();
    }
}
