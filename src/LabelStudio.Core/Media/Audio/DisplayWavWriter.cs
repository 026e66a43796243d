using System.Buffers.Binary;

namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// Writes the copy browsers play: 16-bit PCM WAV, which every browser decodes, whatever the source
/// was (32-bit float and 24-bit WAV, MP3, Vorbis). Mono stays mono, stereo stays stereo, more
/// channels are mixed to mono; the rate is kept between 8 and 48 kHz.
/// </summary>
public static class DisplayWavWriter
{
    public const int MinSampleRate = 8000;
    public const int MaxSampleRate = 48000;

    public static void Write(DecodedAudio audio, Stream output)
    {
        var channels = audio.Channels == 2
            ? AudioResampling.Deinterleave(audio)
            : [audio.ToMono()];
        var rate = Math.Clamp(audio.SampleRate, MinSampleRate, MaxSampleRate);
        channels = channels.Select(c => AudioResampling.Resample(c, audio.SampleRate, rate)).ToArray();

        var frames = channels[0].Length;
        var data = new byte[frames * channels.Length * sizeof(short)];
        for (var frame = 0; frame < frames; frame++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                var offset = (frame * channels.Length + c) * sizeof(short);
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(offset), ToPcm16(channels[c][frame]));
            }
        }

        output.Write(Header(channels.Length, rate, data.Length));
        output.Write(data);
    }

    private static short ToPcm16(float sample) =>
        (short)Math.Round(Math.Clamp(sample, -1f, 1f) * short.MaxValue);

    private static byte[] Header(int channels, int sampleRate, int dataBytes)
    {
        var header = new byte[44];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * channels * sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], (short)(channels * sizeof(short)));
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);
        return header;
    }
}
