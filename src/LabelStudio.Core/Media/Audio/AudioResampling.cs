using NWaves.Operations;
using NWaves.Signals;

namespace LabelStudio.Core.Media.Audio;

/// <summary>Band-limited sample-rate conversion of one channel (NWaves).</summary>
public static class AudioResampling
{
    public static float[] Resample(float[] channel, int fromRate, int toRate)
    {
        if (fromRate == toRate || channel.Length == 0)
        {
            return channel;
        }

        var signal = new DiscreteSignal(fromRate, channel, allocateNew: false);
        return new Resampler().Resample(signal, toRate).Samples;
    }

    /// <summary>Splits interleaved samples into one array per channel.</summary>
    public static float[][] Deinterleave(DecodedAudio audio)
    {
        var channels = new float[audio.Channels][];
        for (var c = 0; c < audio.Channels; c++)
        {
            var channel = new float[audio.Frames];
            for (var frame = 0; frame < channel.Length; frame++)
            {
                channel[frame] = audio.Samples[frame * audio.Channels + c];
            }

            channels[c] = channel;
        }

        return channels;
    }
}
