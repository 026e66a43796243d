using NLayer;

namespace LabelStudio.Core.Media.Audio;

/// <summary>MP3 (MPEG 1/2 layers I–III) through NLayer; ID3 tags are skipped by the decoder.</summary>
internal sealed class Mp3SampleReader : IAudioSampleReader
{
    private readonly MpegFile _file;

    public Mp3SampleReader(Stream stream)
    {
        _file = new MpegFile(stream);
        SampleRate = _file.SampleRate;
        Channels = _file.Channels;

        // NLayer counts the frames by reading their headers only, which is cheap next to decoding.
        DeclaredFrames = Channels > 0 ? _file.Length / sizeof(float) / Channels : null;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public long? DeclaredFrames { get; }

    public int Read(float[] buffer, int offset, int count) => _file.ReadSamples(buffer, offset, count);

    public void Dispose() => _file.Dispose();
}
