namespace LabelStudio.Core.Media.Audio;

/// <summary>
/// Everything done once per imported clip: decode with the guards, write the display copy and the
/// two pictures, and compute the raw feature vector. Rejections surface as
/// <see cref="AudioRejectedException"/> before any output is written.
/// </summary>
public static class AudioClipProcessor
{
    public static AudioClip Process(Stream source, string fileName, AudioClipOutputs outputs, AudioLimits limits)
    {
        // 1. Decode, or refuse with a reason for the import report.
        var audio = AudioDecoder.Decode(source, fileName, limits);

        // 2. The copy every browser plays, and the waveform of what it plays.
        if (outputs.DisplayWav is { } display)
        {
            DisplayWavWriter.Write(audio, display);
        }

        if (outputs.Waveform is { } waveform)
        {
            WaveformRenderer.WritePng(audio.ToMono(), waveform);
        }

        // 3. The 16 kHz mono signal feeds both the spectrogram and the features.
        var mono16k = AudioFeatureExtractor.ToMono16k(audio);
        if (outputs.Spectrogram is { } spectrogram)
        {
            SpectrogramRenderer.WritePng(mono16k, audio.SampleRate, spectrogram);
        }

        var features = AudioFeatureExtractor.Extract(mono16k);
        return new AudioClip(audio.Format, audio.SampleRate, audio.Channels, audio.Duration, features);
    }
}
