using NWaves.Transforms;
using NWaves.Windows;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// The spectrogram shown under the waveform: short-time Fourier power of the 16 kHz mono signal in
/// decibels over an 80 dB range, time left to right, 0 to 8 kHz bottom to top.
/// </summary>
public static class SpectrogramRenderer
{
    public const int Width = 1200;
    public const int Height = 160;

    private const int FftSize = 512;
    private const float RangeDb = 80f;

    /// <summary>Dark to bright; quiet is near black so speech stands out.</summary>
    private static readonly Rgba32[] Palette =
    [
        new(0, 0, 4), new(59, 15, 112), new(140, 41, 129), new(222, 73, 104), new(254, 159, 109), new(252, 253, 191),
    ];

    public static void WritePng(float[] mono16k, Stream output)
    {
        var signal = mono16k.Length >= FftSize ? mono16k : [.. mono16k, .. new float[FftSize - mono16k.Length]];
        var hop = Math.Max(1, signal.Length / Width);
        var frames = new Stft(FftSize, hop, WindowType.Hann, FftSize).Spectrogram(signal);
        var decibels = frames.Select(f => f.Select(p => 10f * MathF.Log10(p + 1e-12f)).ToArray()).ToArray();
        var loudest = decibels.Max(f => f.Max());

        using var image = new Image<Rgba32>(Width, Height);
        var bins = decibels[0].Length;
        for (var x = 0; x < Width; x++)
        {
            var frame = decibels[Math.Min(frames.Count - 1, (int)((long)x * frames.Count / Width))];
            for (var row = 0; row < Height; row++)
            {
                var level = Loudest(frame, row * bins / Height, (row + 1) * bins / Height);
                image[x, Height - 1 - row] = Colour(Math.Clamp((level - loudest + RangeDb) / RangeDb, 0f, 1f));
            }
        }

        image.SaveAsPng(output);
    }

    private static float Loudest(float[] frame, int fromBin, int toBin)
    {
        var level = frame[fromBin];
        for (var bin = fromBin + 1; bin < toBin; bin++)
        {
            level = Math.Max(level, frame[bin]);
        }

        return level;
    }

    private static Rgba32 Colour(float level)
    {
        var position = level * (Palette.Length - 1);
        var index = Math.Min((int)position, Palette.Length - 2);
        var t = position - index;
        var (a, b) = (Palette[index], Palette[index + 1]);
        return new Rgba32(
            (byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));
    }
}
