using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Features;
using NWaves.Transforms;
using NWaves.Windows;

namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// One fixed-length vector per clip, whatever its length: per 25 ms frame (10 ms hop) of the 16 kHz
/// mono signal, 13 MFCCs and four spectral statistics, summarized by mean and standard deviation,
/// plus the mean and standard deviation of the MFCC deltas. Slots are named in
/// <see cref="AudioFeatureLayout"/>. The raw values live on very different scales; standardize
/// them over the pool before training.
/// </summary>
public static class AudioFeatureExtractor
{
    public const int SampleRate = 16000;

    private const int FrameSize = 400;
    private const int HopSize = 160;
    private const int FftSize = 512;
    private const float RolloffShare = 0.85f;

    /// <summary>Decode's output to the feature rate: channel mean, then 16 kHz.</summary>
    public static float[] ToMono16k(DecodedAudio audio) =>
        AudioResampling.Resample(audio.ToMono(), audio.SampleRate, SampleRate);

    public static float[] Extract(float[] mono16k)
    {
        var signal = mono16k.Length >= FftSize ? mono16k : [.. mono16k, .. new float[FftSize - mono16k.Length]];
        var mfccs = Mfccs(signal);
        var spectral = SpectralFrames(signal);

        var vector = new List<float>(AudioFeatureLayout.Dimensions);
        AddMeanAndDeviation(vector, mfccs);
        AddMeanAndDeviation(vector, spectral);
        AddMeanAndDeviation(vector, Deltas(mfccs));
        return vector.Select(v => float.IsFinite(v) ? v : 0f).ToArray();
    }

    private static List<float[]> Mfccs(float[] signal)
    {
        var options = new MfccOptions
        {
            SamplingRate = SampleRate,
            FeatureCount = AudioFeatureLayout.MfccCount,
            FrameSize = FrameSize,
            HopSize = HopSize,
        };
        return new MfccExtractor(options).ComputeFrom(signal);
    }

    /// <summary>Per frame: spectral centroid and roll-off (Hz), zero-crossing rate and RMS.</summary>
    private static List<float[]> SpectralFrames(float[] signal)
    {
        var spectra = new Stft(FrameSize, HopSize, WindowType.Hann, FftSize).Spectrogram(signal);
        var frequencies = Enumerable.Range(0, FftSize / 2 + 1).Select(k => (float)k * SampleRate / FftSize).ToArray();
        var frames = new List<float[]>(spectra.Count);
        for (var i = 0; i < spectra.Count; i++)
        {
            var start = Math.Min(i * HopSize, signal.Length - FrameSize);
            var frame = signal.AsSpan(start, FrameSize);
            frames.Add(
            [
                Spectral.Centroid(spectra[i], frequencies),
                Spectral.Rolloff(spectra[i], frequencies, RolloffShare),
                ZeroCrossingRate(frame),
                Rms(frame),
            ]);
        }

        return frames;
    }

    private static float ZeroCrossingRate(ReadOnlySpan<float> frame)
    {
        var crossings = 0;
        for (var i = 1; i < frame.Length; i++)
        {
            if (frame[i - 1] >= 0 != frame[i] >= 0)
            {
                crossings++;
            }
        }

        return (float)crossings / (frame.Length - 1);
    }

    private static float Rms(ReadOnlySpan<float> frame)
    {
        var sum = 0.0;
        foreach (var sample in frame)
        {
            sum += sample * sample;
        }

        return (float)Math.Sqrt(sum / frame.Length);
    }

    /// <summary>First differences centred on each frame, the edges repeating their neighbour.</summary>
    private static List<float[]> Deltas(List<float[]> frames)
    {
        var deltas = new List<float[]>(frames.Count);
        for (var t = 0; t < frames.Count; t++)
        {
            var before = frames[Math.Max(0, t - 1)];
            var after = frames[Math.Min(frames.Count - 1, t + 1)];
            deltas.Add(before.Select((b, i) => (after[i] - b) / 2f).ToArray());
        }

        return deltas;
    }

    /// <summary>Appends, per column, its mean then its standard deviation over the frames.</summary>
    private static void AddMeanAndDeviation(List<float> vector, List<float[]> frames)
    {
        var width = frames[0].Length;
        for (var column = 0; column < width; column++)
        {
            var mean = frames.Average(f => (double)f[column]);
            var variance = frames.Average(f => (f[column] - mean) * (f[column] - mean));
            vector.Add((float)mean);
            vector.Add((float)Math.Sqrt(variance));
        }
    }
}
