using System.Buffers.Binary;

namespace LabelStudio.Core.Tests.Media.Audio;

/// <summary>Builds WAV files in memory, honest or lying, in every sample format the decoder reads.</summary>
internal static class TestWav
{
    public const int Pcm = 1;
    public const int Float = 3;

    /// <summary>A sine per channel (channel c at frequency × (c + 1)), amplitude 0.5.</summary>
    public static float[] Sine(int sampleRate, int channels, double seconds, double frequency = 440)
    {
        var frames = (int)(sampleRate * seconds);
        var samples = new float[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                samples[i * channels + c] = (float)(0.5 * Math.Sin(2 * Math.PI * frequency * (c + 1) * i / sampleRate));
            }
        }

        return samples;
    }

    /// <param name="claimedDataBytes">What the data chunk header says; the real length when null.</param>
    public static byte[] Build(
        float[] samples, int sampleRate, int channels, int bits, int tag = Pcm, bool extensible = false,
        long? claimedDataBytes = null)
    {
        var data = samples.SelectMany(s => Encode(s, bits, tag)).ToArray();
        var fmtLength = extensible ? 40 : 16;
        var wav = new byte[12 + 8 + fmtLength + 8 + data.Length];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], fmtLength);

        var fmt = span[20..];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, (ushort)(extensible ? 0xFFFE : tag));
        BinaryPrimitives.WriteInt16LittleEndian(fmt[2..], (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt[4..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt[8..], sampleRate * channels * bits / 8);
        BinaryPrimitives.WriteInt16LittleEndian(fmt[12..], (short)(channels * bits / 8));
        BinaryPrimitives.WriteInt16LittleEndian(fmt[14..], (short)bits);
        if (extensible)
        {
            BinaryPrimitives.WriteInt16LittleEndian(fmt[16..], 22);
            BinaryPrimitives.WriteInt16LittleEndian(fmt[18..], (short)bits);
            BinaryPrimitives.WriteInt16LittleEndian(fmt[24..], (short)tag);
        }

        var dataHeader = span[(20 + fmtLength)..];
        "data"u8.CopyTo(dataHeader);
        BinaryPrimitives.WriteUInt32LittleEndian(dataHeader[4..], (uint)(claimedDataBytes ?? data.Length));
        data.CopyTo(dataHeader[8..]);
        return wav;
    }

    private static byte[] Encode(float sample, int bits, int tag)
    {
        if (tag == Float)
        {
            return BitConverter.GetBytes(sample);
        }

        var scaled = (long)Math.Round(sample * ((1L << (bits - 1)) - 1));
        return bits switch
        {
            8 => [(byte)(scaled + 128)],
            16 => BitConverter.GetBytes((short)scaled),
            24 => [(byte)scaled, (byte)(scaled >> 8), (byte)(scaled >> 16)],
            _ => BitConverter.GetBytes((int)scaled),
        };
    }
}
