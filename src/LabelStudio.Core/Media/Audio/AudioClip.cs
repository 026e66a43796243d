namespace LabelStudio.Core.Media.Audio;

/// <summary>What the import keeps about one accepted clip; <see cref="Features"/> is not yet standardized.</summary>
public sealed record AudioClip(AudioFormat Format, int SampleRate, int Channels, TimeSpan Duration, float[] Features);

/// <summary>Where the media made from a clip go; a null stream skips that output.</summary>
public sealed record AudioClipOutputs(Stream? DisplayWav = null, Stream? Waveform = null, Stream? Spectrogram = null)
{
    public static AudioClipOutputs None { get; } = new();
}
