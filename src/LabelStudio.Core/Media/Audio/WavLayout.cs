using System.Buffers.Binary;
using static System.FormattableString;

namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// What a WAV file's RIFF chunks say: the sample format from "fmt " and where "data" starts and how
/// long it claims to be. Read by hand so every inconsistency gets its own clear reason.
/// </summary>
internal sealed record WavLayout(
    int FormatTag, int Channels, int SampleRate, int BitsPerSample, int BlockAlign, long DataOffset, long DataBytes)
{
    public const int Pcm = 1;
    public const int IeeeFloat = 3;
    private const int Extensible = 0xFFFE;

    public long Frames => DataBytes / BlockAlign;

    public static WavLayout Read(Stream stream, string fileName)
    {
        var reject = (string reason) => new AudioRejectedException(fileName, reason);
        Span<byte> chunkHeader = stackalloc byte[8];
        byte[]? format = null;
        stream.Position = 12;
        while (stream.ReadAtLeast(chunkHeader, 8, throwOnEndOfStream: false) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (chunkHeader[..4].SequenceEqual("fmt "u8))
            {
                format = ReadFormatChunk(stream, size) ?? throw reject("the WAV format chunk is damaged");
            }
            else if (chunkHeader[..4].SequenceEqual("data"u8))
            {
                var fmt = format ?? throw reject("the WAV file has no format chunk before its audio data");
                return FromChunks(fmt, stream.Position, size, stream.Length, reject);
            }
            else
            {
                // Chunks are padded to an even length.
                stream.Position += size + (size & 1);
            }
        }

        throw reject("the WAV file holds no audio data (no data chunk)");
    }

    private static byte[]? ReadFormatChunk(Stream stream, uint size)
    {
        if (size is < 16 or > 1024)
        {
            return null;
        }

        var chunk = new byte[size + (size & 1)];
        var read = stream.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false);
        return read < size ? null : chunk;
    }

    private static WavLayout FromChunks(
        byte[] fmt, long dataOffset, uint dataBytes, long fileLength, Func<string, AudioRejectedException> reject)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(fmt.AsSpan(4));
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(12));
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));

        // WAVE_FORMAT_EXTENSIBLE carries the real format tag in the first two bytes of its sub-format GUID.
        if (tag == Extensible && fmt.Length >= 26)
        {
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(24));
        }

        CheckFormat(tag, channels, sampleRate, bits, blockAlign, reject);
        var layout = new WavLayout(tag, channels, sampleRate, bits, blockAlign, dataOffset, dataBytes);
        var present = fileLength - dataOffset;
        if (dataBytes > present)
        {
            var claimed = (double)dataBytes / blockAlign / sampleRate;
            var held = (double)present / blockAlign / sampleRate;
            throw reject(Invariant($"the header promises {claimed:F1} s of audio but the file holds only ")
                + Invariant($"{held:F1} s; it is truncated or its header is wrong"));
        }

        if (layout.Frames == 0)
        {
            throw reject("the WAV file holds no audio samples");
        }

        return layout;
    }

    private static void CheckFormat(
        int tag, int channels, int sampleRate, int bits, int blockAlign, Func<string, AudioRejectedException> reject)
    {
        var supported = tag switch
        {
            Pcm => bits is 8 or 16 or 24 or 32,
            IeeeFloat => bits == 32,
            _ => false,
        };
        if (!supported)
        {
            var what = tag is Pcm or IeeeFloat ? $"{bits}-bit {(tag == Pcm ? "PCM" : "float")}" : $"format tag {tag}";
            throw reject($"WAV encoding {what} is not supported (PCM 8/16/24/32-bit or 32-bit float)");
        }

        if (channels is < 1 or > 32 || sampleRate is < 1000 or > 768_000 || blockAlign != channels * bits / 8)
        {
            throw reject(Invariant(
                $"the WAV header is inconsistent ({channels} channel(s), {sampleRate} Hz, {bits}-bit, ")
                + Invariant($"{blockAlign} bytes per frame)"));
        }
    }
}
