namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// Turns one file of a media import into a clip's files in the job's staging folder: the original
/// bytes, the 16-bit PCM display WAV, the waveform (the clip's thumbnail) and the spectrogram. A
/// refused file leaves nothing behind and surfaces as <see cref="MediaRejectedException"/>.
/// </summary>
internal static class AudioFileProcessor
{
    public const string Accepted = "WAV, MP3 or Ogg Vorbis";

    public static ProcessedMedia Process(MediaFile file, string folder, int number, MediaOptions options)
    {
        var prefix = $"{number:D6}";
        var names = new[]
        {
            $"{prefix}-original{Path.GetExtension(file.FileName).ToLowerInvariant()}",
            $"{prefix}-display.wav",
            $"{prefix}-waveform.png",
            $"{prefix}-spectrogram.png",
        };
        var paths = names.Select(name => Path.Combine(folder, name)).ToArray();
        var limits = new AudioLimits { MaxFileBytes = options.MaxFileBytes, MaxDuration = options.MaxAudioDuration };
        try
        {
            using var source = Seekable(file);
            AudioClip clip;
            using (var display = File.Create(paths[1]))
            using (var waveform = File.Create(paths[2]))
            using (var spectrogram = File.Create(paths[3]))
            {
                clip = AudioClipProcessor.Process(
                    source, file.FileName, new AudioClipOutputs(display, waveform, spectrogram), limits);
            }

            using (var original = File.Create(paths[0]))
            {
                source.Position = 0;
                source.CopyTo(original);
            }
            return new ProcessedMedia(Name(clip.Format), 0, 0, names[0], names[1], names[2], file.Length)
            {
                DurationSeconds = Math.Round(clip.Duration.TotalSeconds, 3),
                SpectrogramFile = names[3],
                RawFeatures = clip.Features,
            };
        }
        catch (AudioRejectedException rejection)
        {
            DeleteAll(paths);
            throw new MediaRejectedException(Capitalized(rejection.Reason));
        }
        catch
        {
            DeleteAll(paths);
            throw;
        }
    }

    /// <summary>The decoder seeks; a folder's file already can, a ZIP entry is already in memory.</summary>
    private static Stream Seekable(MediaFile file)
    {
        var stream = file.Open();
        if (stream.CanSeek)
        {
            return stream;
        }

        using (stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
    }

    private static string Name(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "WAV",
        AudioFormat.Mp3 => "MP3",
        _ => "OGG",
    };

    private static string Capitalized(string reason) =>
        reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..] + ".";

    private static void DeleteAll(IEnumerable<string> paths)
    {
        foreach (var path in paths.Where(File.Exists))
        {
            File.Delete(path);
        }
    }
}
