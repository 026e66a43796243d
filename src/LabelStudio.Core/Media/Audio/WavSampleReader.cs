using NAudio.Wave;

namespace LabelStudio.Core.Media.Audio;

/// <summary>WAV through NAudio's cross-platform sample converters (8/16/24/32-bit PCM, 32-bit float).</summary>
internal sealed class WavSampleReader : IAudioSampleReader
{
    private readonly ISampleProvider _samples;

    public WavSampleReader(Stream stream, string fileName)
    {
        var layout = WavLayout.Read(stream, fileName);
        var format = layout.FormatTag == WavLayout.IeeeFloat
            ? WaveFormat.CreateIeeeFloatWaveFormat(layout.SampleRate, layout.Channels)
            : new WaveFormat(layout.SampleRate, layout.BitsPerSample, layout.Channels);
        _samples = new DataChunk(stream, layout, format).ToSampleProvider();
        SampleRate = layout.SampleRate;
        Channels = layout.Channels;
        DeclaredFrames = layout.Frames;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public long? DeclaredFrames { get; }

    public int Read(float[] buffer, int offset, int count) => _samples.Read(buffer.AsSpan(offset, count));

    public void Dispose()
    {
    }

    /// <summary>The bytes of the data chunk only, whole frames only, so trailing chunks never play.</summary>
    private sealed class DataChunk(Stream stream, WavLayout layout, WaveFormat format) : IWaveProvider
    {
        private long _position;

        public WaveFormat WaveFormat { get; } = format;

        public int Read(Span<byte> buffer)
        {
            var remaining = layout.Frames * layout.BlockAlign - _position;
            var wanted = (int)Math.Min(buffer.Length, remaining);
            if (wanted <= 0)
            {
                return 0;
            }

            stream.Position = layout.DataOffset + _position;
            var read = stream.ReadAtLeast(buffer[..wanted], wanted, throwOnEndOfStream: false);
            _position += read;
            return read;
        }
    }
}
