using NWaves.Transforms;
using NWaves.Windows;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// The spectrogram shown under the waveform: short-time Fourier power of the 16 kHz mono signal in
/// decibels over an 80 dB range, time left to right, frequency bottom to top up to the highest the
/// source holds (half its sample rate, at most 8 kHz), so an 8 kHz telephone clip fills the
/// picture. One Fourier transform per pixel column, however long the clip, so the cost is fixed.
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

    /// <summary>Opaque, and compressed for speed: rendered once per clip at import, read from disk after.</summary>
    private static readonly PngEncoder Png = new()
    {
        ColorType = PngColorType.Rgb,
        CompressionLevel = PngCompressionLevel.BestSpeed,
    };

    public static void WritePng(float[] mono16k, int sourceSampleRate, Stream output)
    {
        // 1. Decibels per pixel column and row, and the loudest cell the range is measured from.
        var topHz = Math.Min(AudioFeatureExtractor.SampleRate, sourceSampleRate) / 2;
        var levels = Levels(mono16k, (FftSize / 2 + 1) * topHz * 2 / AudioFeatureExtractor.SampleRate);
        var loudest = levels.Max();

        // 2. Colours, bottom row lowest frequency.
        var pixels = new Rgba32[Width * Height];
        for (var x = 0; x < Width; x++)
        {
            for (var row = 0; row < Height; row++)
            {
                var level = (levels[x * Height + row] - loudest + RangeDb) / RangeDb;
                pixels[(Height - 1 - row) * Width + x] = Colour(Math.Clamp(level, 0f, 1f));
            }
        }

        using var image = Image.LoadPixelData<Rgba32>(pixels, Width, Height);
        image.SaveAsPng(output, Png);
    }

    /// <summary>Column-major decibels: for each column, the loudest bin of each row's frequency band.</summary>
    /// <param name="bins">How many of the lowest frequency bins the rows share.</param>
    private static float[] Levels(float[] signal, int bins)
    {
        var fft = new RealFft(FftSize);
        var window = Window.OfType(WindowType.Hann, FftSize);
        var frame = new float[FftSize];
        var power = new float[FftSize / 2 + 1];
        var levels = new float[Width * Height];
        var lastStart = Math.Max(0, signal.Length - FftSize);
        for (var x = 0; x < Width; x++)
        {
            var start = (int)((long)x * lastStart / (Width - 1));
            Array.Clear(frame);
            var length = Math.Min(FftSize, signal.Length - start);
            for (var i = 0; i < length; i++)
            {
                frame[i] = signal[start + i] * window[i];
            }

            fft.PowerSpectrum(frame, power, normalize: false);
            for (var row = 0; row < Height; row++)
            {
                var from = row * bins / Height;
                var loudest = Loudest(power, from, Math.Max(from + 1, (row + 1) * bins / Height));
                levels[x * Height + row] = 10f * MathF.Log10(loudest + 1e-12f);
            }
        }

        return levels;
    }

    private static float Loudest(float[] power, int fromBin, int toBin)
    {
        var level = power[fromBin];
        for (var bin = fromBin + 1; bin < toBin; bin++)
        {
            level = Math.Max(level, power[bin]);
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
