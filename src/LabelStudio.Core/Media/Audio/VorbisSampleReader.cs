using NVorbis;

namespace LabelStudio.Core.Media.Audio;

/// <summary>Ogg Vorbis through NVorbis: the first logical stream.</summary>
internal sealed class VorbisSampleReader : IAudioSampleReader
{
    private readonly VorbisReader _reader;

    public VorbisSampleReader(Stream stream)
    {
        _reader = new VorbisReader(stream, closeOnDispose: false);
        SampleRate = _reader.SampleRate;
        Channels = _reader.Channels;

        // From the granule position of the last page: a seek, not a decode.
        DeclaredFrames = _reader.TotalSamples;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public long? DeclaredFrames { get; }

    public int Read(float[] buffer, int offset, int count) => _reader.ReadSamples(buffer, offset, count);

    public void Dispose() => _reader.Dispose();
}
