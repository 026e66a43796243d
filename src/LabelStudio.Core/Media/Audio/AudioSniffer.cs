namespace LabelStudio.Core.Media.Audio;

/// <summary>Recognises a file's format from its first bytes; the extension is never trusted.</summary>
public static class AudioSniffer
{
    /// <summary>Enough bytes for every signature below.</summary>
    public const int HeadLength = 12;

    /// <returns>The format, or null with a reason a user understands.</returns>
    public static AudioFormat? Detect(ReadOnlySpan<byte> head, out string? reason)
    {
        reason = null;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return AudioFormat.Wav;
        }

        if (head.StartsWith("OggS"u8))
        {
            return AudioFormat.OggVorbis;
        }

        if (head.StartsWith("ID3"u8) || IsMpegAudioFrame(head))
        {
            return AudioFormat.Mp3;
        }

        reason = head.StartsWith("fLaC"u8)
            ? "FLAC is not supported; convert it to WAV, MP3 or Ogg Vorbis"
            : "not an audio file LabelStudio can read (WAV, MP3 or Ogg Vorbis), whatever its name says";
        return null;
    }

    /// <summary>An MPEG audio frame header: 11 sync bits, a valid layer, bitrate and sample rate.</summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (head[1] >> 3) & 0x3;
        var layer = (head[1] >> 1) & 0x3;
        var bitrate = head[2] >> 4;
        var sampleRate = (head[2] >> 2) & 0x3;
        return version != 1 && layer != 0 && bitrate != 0xF && sampleRate != 3;
    }
}
