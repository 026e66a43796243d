namespace LabelStudio.Core.Media.Audio;

/// <summary>What an audio file may be before it is refused; checked before and during decoding.</summary>
public sealed record AudioLimits
{
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    public static AudioLimits Default { get; } = new();
}
