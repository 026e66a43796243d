namespace LabelStudio.Core.Media.Audio;

/// <summary>A whole clip in memory: interleaved float samples in [-1, 1].</summary>
public sealed record DecodedAudio(AudioFormat Format, int SampleRate, int Channels, float[] Samples)
{
    public long Frames => Samples.Length / Channels;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Frames / SampleRate);

    /// <summary>The mean of the channels per frame.</summary>
    public float[] ToMono()
    {
        if (Channels == 1)
        {
            return Samples;
        }

        var mono = new float[Frames];
        for (var frame = 0; frame < mono.Length; frame++)
        {
            var sum = 0f;
            var start = frame * Channels;
            for (var channel = 0; channel < Channels; channel++)
            {
                sum += Samples[start + channel];
            }

            mono[frame] = sum / Channels;
        }

        return mono;
    }
}
