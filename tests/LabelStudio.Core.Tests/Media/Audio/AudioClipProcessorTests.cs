using System.Buffers.Binary;
using LabelStudio.Core.Media.Audio;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Core.Tests.Media.Audio;

public sealed class AudioClipProcessorTests
{
    [Fact]
    public void FloatWavGetsA16BitDisplayCopyThatKeepsItsSound()
    {
        var samples = TestWav.Sine(44100, 2, 0.3);
        var outputs = new AudioClipOutputs(new MemoryStream(), new MemoryStream(), new MemoryStream());

        Process(TestWav.Build(samples, 44100, 2, 32, TestWav.Float), "float.wav", outputs);

        var display = ((MemoryStream)outputs.DisplayWav!).ToArray();
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(display.AsSpan(20)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(display.AsSpan(34)));
        var copy = AudioFiles.Decode(display, "display.wav");
        Assert.Equal((44100, 2), (copy.SampleRate, copy.Channels));
        Assert.All(samples.Zip(copy.Samples), p => Assert.InRange(p.Second - p.First, -1e-4, 1e-4));
    }

    [Fact]
    public void TwentyFourBitWavGetsA16BitDisplayCopy()
    {
        var samples = TestWav.Sine(96000, 1, 0.2);
        var outputs = new AudioClipOutputs(DisplayWav: new MemoryStream());

        Process(TestWav.Build(samples, 96000, 1, 24), "hires.wav", outputs);

        var copy = AudioFiles.Decode(((MemoryStream)outputs.DisplayWav!).ToArray(), "display.wav");
        Assert.Equal((DisplayWavWriter.MaxSampleRate, 1), (copy.SampleRate, copy.Channels));
        Assert.Equal(0.2, copy.Duration.TotalSeconds, tolerance: 0.001);
        Assert.Equal(440, AudioFiles.ToneFrequency(copy, 0), tolerance: 10);
    }

    [Fact]
    public void MoreThanTwoChannelsAreMixedToMonoForDisplay()
    {
        var samples = TestWav.Sine(16000, 4, 0.1);
        var outputs = new AudioClipOutputs(DisplayWav: new MemoryStream());

        Process(TestWav.Build(samples, 16000, 4, 16), "quad.wav", outputs);

        var copy = AudioFiles.Decode(((MemoryStream)outputs.DisplayWav!).ToArray(), "display.wav");
        Assert.Equal(1, copy.Channels);
    }

    [Fact]
    public void WaveformAndSpectrogramArePngsSizedForTheLabelingPage()
    {
        var outputs = new AudioClipOutputs(Waveform: new MemoryStream(), Spectrogram: new MemoryStream());

        Process(AudioFiles.Fixture("stereo-44k-id3.mp3"), "tone.mp3", outputs);

        var waveform = Image.Identify(((MemoryStream)outputs.Waveform!).ToArray());
        var spectrogram = Image.Identify(((MemoryStream)outputs.Spectrogram!).ToArray());
        Assert.Equal((WaveformRenderer.Width, WaveformRenderer.Height), (waveform.Width, waveform.Height));
        Assert.Equal((SpectrogramRenderer.Width, SpectrogramRenderer.Height), (spectrogram.Width, spectrogram.Height));
    }

    [Theory]
    [InlineData(8000, 3000, 0.75)]
    [InlineData(44100, 2000, 0.25)]
    public void SpectrogramRowsSpanTheFrequenciesTheSourceHolds(int sampleRate, int tone, double expectedHeight)
    {
        var outputs = new AudioClipOutputs(Spectrogram: new MemoryStream());

        Process(TestWav.Build(TestWav.Sine(sampleRate, 1, 0.5, tone), sampleRate, 1, 16), "tone.wav", outputs);

        using var image = Image.Load<Rgba32>(((MemoryStream)outputs.Spectrogram!).ToArray());
        var x = image.Width / 2;
        var brightest = Enumerable.Range(0, image.Height).MaxBy(y => Brightness(image[x, y]));
        var height = 1 - (double)brightest / (image.Height - 1);
        Assert.Equal(expectedHeight, height, tolerance: 0.03);
    }

    [Fact]
    public void FeaturesHaveOneFixedLengthWhateverTheClip()
    {
        var shortClip = Process(TestWav.Build(TestWav.Sine(8000, 1, 0.02), 8000, 1, 16), "blip.wav");
        var longer = Process(AudioFiles.Fixture("mono-22k.ogg"), "tone.ogg");

        Assert.Equal(AudioFeatureLayout.Dimensions, shortClip.Features.Length);
        Assert.Equal(AudioFeatureLayout.Dimensions, longer.Features.Length);
        Assert.All(shortClip.Features.Concat(longer.Features), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void AHigherToneHasAHigherSpectralCentroid()
    {
        var centroid = AudioFeatureLayout.Names.ToList().IndexOf("centroid_mean");

        var low = Process(TestWav.Build(TestWav.Sine(16000, 1, 0.5, 300), 16000, 1, 16), "low.wav");
        var high = Process(TestWav.Build(TestWav.Sine(16000, 1, 0.5, 3000), 16000, 1, 16), "high.wav");

        Assert.InRange(low.Features[centroid], 200, 600);
        Assert.InRange(high.Features[centroid], 2700, 3300);
    }

    [Fact]
    public void NothingIsWrittenForARejectedClip()
    {
        var outputs = new AudioClipOutputs(new MemoryStream(), new MemoryStream(), new MemoryStream());

        Assert.Throws<AudioRejectedException>(() => Process([], "empty.wav", outputs));

        Assert.Equal(0, outputs.DisplayWav!.Length + outputs.Waveform!.Length + outputs.Spectrogram!.Length);
    }

    private static int Brightness(Rgba32 pixel) => pixel.R + pixel.G + pixel.B;

    private static AudioClip Process(byte[] bytes, string fileName, AudioClipOutputs? outputs = null)
    {
        using var stream = new MemoryStream(bytes);
        return AudioClipProcessor.Process(stream, fileName, outputs ?? AudioClipOutputs.None, AudioLimits.Default);
    }
}
