using LabelStudio.Core.Media.Audio;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Media.Audio;

internal static class AudioFiles
{
    public static byte[] Fixture(string name) =>
        RepositoryFiles.Read(Path.Combine("tests", "LabelStudio.Core.Tests", "Media", "Audio", "Fixtures", name));

    public static DecodedAudio Decode(byte[] bytes, string fileName, AudioLimits? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        return AudioDecoder.Decode(stream, fileName, limits ?? AudioLimits.Default);
    }

    public static AudioRejectedException Reject(byte[] bytes, string fileName, AudioLimits? limits = null) =>
        Assert.Throws<AudioRejectedException>(() => Decode(bytes, fileName, limits));

    /// <summary>
    /// Sign changes per second of one channel, half of them: the frequency of a pure tone. Samples
    /// near zero are ignored so a resampler's faint ringing at the edges does not count.
    /// </summary>
    public static double ToneFrequency(DecodedAudio audio, int channel)
    {
        var crossings = 0;
        bool? positive = null;
        for (var frame = 0; frame < audio.Frames; frame++)
        {
            var sample = audio.Samples[frame * audio.Channels + channel];
            if (Math.Abs(sample) < 0.05f)
            {
                continue;
            }

            if (positive is { } wasPositive && wasPositive != sample > 0)
            {
                crossings++;
            }

            positive = sample > 0;
        }

        return crossings / 2.0 / audio.Duration.TotalSeconds;
    }
}
