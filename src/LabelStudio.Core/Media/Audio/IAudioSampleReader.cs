namespace LabelStudio.Core.Media.Audio;

/// <summary>One decoder behind a common face: interleaved float samples in [-1, 1].</summary>
internal interface IAudioSampleReader : IDisposable
{
    int SampleRate { get; }

    int Channels { get; }

    /// <summary>Sample frames (one per channel group) the header announces, when it says.</summary>
    long? DeclaredFrames { get; }

    /// <summary>Reads up to <paramref name="count"/> samples; 0 at the end.</summary>
    int Read(float[] buffer, int offset, int count);
}
