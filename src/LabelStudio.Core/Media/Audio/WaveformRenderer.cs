using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// The waveform shown above the player: per pixel column, a bar from the lowest to the highest
/// sample of the mono mix in that slice of time, on a transparent background. Heights are scaled to
/// the clip's peak so a quiet recording is still readable.
/// </summary>
public static class WaveformRenderer
{
    public const int Width = 1200;
    public const int Height = 120;

    private static readonly Rgba32 Bar = new(25, 118, 210);
    private static readonly Rgba32 Axis = new(25, 118, 210, 90);

    public static void WritePng(float[] mono, Stream output)
    {
        var pixels = new Rgba32[Width * Height];
        var middle = (Height - 1) / 2f;
        var peak = mono.Length == 0 ? 0f : mono.Max(MathF.Abs);
        var scale = peak > 0f ? middle / peak : 0f;
        for (var x = 0; x < Width; x++)
        {
            pixels[(int)middle * Width + x] = Axis;
            var (low, high) = Range(mono, x);
            var top = (int)MathF.Round(middle - high * scale);
            var bottom = (int)MathF.Round(middle - low * scale);
            for (var y = Math.Max(0, top); y <= Math.Min(Height - 1, bottom); y++)
            {
                pixels[y * Width + x] = Bar;
            }
        }

        using var image = Image.LoadPixelData<Rgba32>(pixels, Width, Height);
        image.SaveAsPng(output);
    }

    /// <summary>The lowest and highest sample of the slice of time that pixel column x covers.</summary>
    private static (float Low, float High) Range(float[] mono, int x)
    {
        var start = (int)((long)x * mono.Length / Width);
        var end = Math.Max(start + 1, (int)((long)(x + 1) * mono.Length / Width));
        if (start >= mono.Length)
        {
            return (0f, 0f);
        }

        var low = 0f;
        var high = 0f;
        foreach (var sample in mono.AsSpan(start, Math.Min(end, mono.Length) - start))
        {
            low = Math.Min(low, sample);
            high = Math.Max(high, sample);
        }

        return (Math.Max(low, -1f), Math.Min(high, 1f));
    }
}
