using static System.FormattableString;

namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// Turns an audio file into samples, refusing anything empty, too big, too long, damaged or not
/// audio at all with a reason a user understands (<see cref="AudioRejectedException"/>).
/// </summary>
public static class AudioDecoder
{
    private const int BlockSamples = 64 * 1024;
    private const long MaxInitialSamples = 600L * 48_000 * 2;

    /// <param name="source">A seekable stream positioned anywhere; it is read from the start.</param>
    /// <param name="fileName">Names the file in rejections.</param>
    public static DecodedAudio Decode(Stream source, string fileName, AudioLimits limits)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanSeek)
        {
            throw new ArgumentException("Audio is decoded from a seekable stream.", nameof(source));
        }

        // 1. Size and format, from the length and the first bytes only.
        var format = CheckSizeAndSniff(source, fileName, limits);

        // 2. The header: sample format and the duration it announces.
        source.Position = 0;
        using var reader = Open(format, source, fileName);
        CheckHeader(reader, format, fileName, limits);

        // 3. The samples, with the duration limit enforced as they arrive.
        var samples = ReadAll(reader, format, fileName, limits);
        return new DecodedAudio(format, reader.SampleRate, reader.Channels, samples);
    }

    private static AudioFormat CheckSizeAndSniff(Stream source, string fileName, AudioLimits limits)
    {
        var length = source.Length;
        if (length == 0)
        {
            throw new AudioRejectedException(fileName, "the file is empty (0 bytes)");
        }

        if (length > limits.MaxFileBytes)
        {
            throw new AudioRejectedException(fileName, Invariant(
                $"the file is {Megabytes(length)} MB; audio files may be at most {Megabytes(limits.MaxFileBytes)} MB"));
        }

        Span<byte> head = stackalloc byte[AudioSniffer.HeadLength];
        source.Position = 0;
        var read = source.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return AudioSniffer.Detect(head[..read], out var reason)
            ?? throw new AudioRejectedException(fileName, reason!);
    }

    private static IAudioSampleReader Open(AudioFormat format, Stream source, string fileName)
    {
        try
        {
            return format switch
            {
                AudioFormat.Wav => new WavSampleReader(source, fileName),
                AudioFormat.Mp3 => new Mp3SampleReader(source),
                _ => new VorbisSampleReader(source),
            };
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw Damaged(format, fileName, e);
        }
    }

    private static void CheckHeader(IAudioSampleReader reader, AudioFormat format, string fileName, AudioLimits limits)
    {
        if (reader.Channels < 1 || reader.SampleRate < 1000)
        {
            throw new AudioRejectedException(fileName, $"no playable {Name(format)} audio was found in the file");
        }

        if (reader.DeclaredFrames is { } frames && frames > MaxFrames(reader, limits))
        {
            var seconds = (double)frames / reader.SampleRate;
            throw TooLong(fileName, Invariant($"{seconds:F0} s"), limits);
        }
    }

    private static float[] ReadAll(IAudioSampleReader reader, AudioFormat format, string fileName, AudioLimits limits)
    {
        var maxSamples = MaxFrames(reader, limits) * reader.Channels;
        var buffer = new float[BlockSamples - BlockSamples % reader.Channels];

        // Sized from the header when it says, so a long clip is not copied on every doubling; never
        // more up front than a 10-minute stereo 48 kHz clip, whatever a header claims.
        var expected = reader.DeclaredFrames is { } frames ? Math.Min(frames * reader.Channels, maxSamples) : 0;
        var samples = new List<float>((int)Math.Clamp(expected, buffer.Length, MaxInitialSamples));
        try
        {
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                samples.AddRange(buffer.AsSpan(0, read));
                if (samples.Count > maxSamples)
                {
                    var limit = Invariant($"more than {limits.MaxDuration.TotalSeconds:F0} s");
                    throw TooLong(fileName, limit, limits);
                }
            }
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw Damaged(format, fileName, e);
        }

        var whole = samples.Count - samples.Count % reader.Channels;
        if (whole == 0)
        {
            throw new AudioRejectedException(fileName, $"no playable {Name(format)} audio was found in the file");
        }

        return samples.GetRange(0, whole).ToArray();
    }

    /// <summary>
    /// What the decoders throw on damaged data. A missing assembly, a failing disk or running out of
    /// memory are not the file's fault and must not be reported as if they were.
    /// </summary>
    private static bool IsDecoderFailure(Exception e) =>
        e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException
            or IndexOutOfRangeException or InvalidOperationException or NotSupportedException or OverflowException
            or NullReferenceException;

    private static long MaxFrames(IAudioSampleReader reader, AudioLimits limits) =>
        (long)Math.Ceiling(limits.MaxDuration.TotalSeconds * reader.SampleRate);

    private static AudioRejectedException TooLong(string fileName, string duration, AudioLimits limits)
    {
        var limit = Invariant($"{limits.MaxDuration.TotalSeconds:F0} s");
        return new AudioRejectedException(fileName, $"the clip lasts {duration}; clips may last at most {limit}");
    }

    private static AudioRejectedException Damaged(AudioFormat format, string fileName, Exception e) =>
        new(fileName, $"the {Name(format)} data is damaged and cannot be decoded ({e.Message})", e);

    private static string Name(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "WAV",
        AudioFormat.Mp3 => "MP3",
        _ => "Ogg Vorbis",
    };

    private static string Megabytes(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:F1}");
}
