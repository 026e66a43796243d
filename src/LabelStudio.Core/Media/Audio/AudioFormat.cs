namespace LabelStudio.Core.Media.Audio;

public enum AudioFormat
{
    Wav,
    Mp3,
    OggVorbis,
}
