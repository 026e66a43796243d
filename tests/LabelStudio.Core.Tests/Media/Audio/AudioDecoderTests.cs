using System.Text;
using LabelStudio.Core.Media.Audio;

namespace LabelStudio.Core.Tests.Media.Audio;

public sealed class AudioDecoderTests
{
    [Theory]
    [InlineData(8, 1e-2)]
    [InlineData(16, 1e-4)]
    [InlineData(24, 1e-6)]
    [InlineData(32, 1e-6)]
    public void DecodesIntegerPcmWavOfEveryWidth(int bits, double tolerance)
    {
        var samples = TestWav.Sine(8000, 1, 0.25);

        var audio = AudioFiles.Decode(TestWav.Build(samples, 8000, 1, bits), $"tone-{bits}.wav");

        Assert.Equal((AudioFormat.Wav, 8000, 1), (audio.Format, audio.SampleRate, audio.Channels));
        Assert.Equal(samples.Length, audio.Samples.Length);
        Assert.All(samples.Zip(audio.Samples), p => Assert.InRange(p.Second - p.First, -tolerance, tolerance));
    }

    [Fact]
    public void DecodesThirtyTwoBitFloatStereoWav()
    {
        var samples = TestWav.Sine(44100, 2, 0.2);

        var audio = AudioFiles.Decode(TestWav.Build(samples, 44100, 2, 32, TestWav.Float), "float.wav");

        Assert.Equal((44100, 2), (audio.SampleRate, audio.Channels));
        Assert.Equal(samples, audio.Samples);
    }

    [Fact]
    public void DecodesMultichannelExtensibleWav()
    {
        var samples = TestWav.Sine(48000, 6, 0.1, frequency: 100);

        var audio = AudioFiles.Decode(TestWav.Build(samples, 48000, 6, 24, extensible: true), "surround.wav");

        Assert.Equal((48000, 6), (audio.SampleRate, audio.Channels));
        Assert.Equal(600, AudioFiles.ToneFrequency(audio, 5), tolerance: 20);
    }

    [Fact]
    public void DecodesStereoMp3BehindAnId3Tag()
    {
        var bytes = AudioFiles.Fixture("stereo-44k-id3.mp3");
        Assert.Equal("ID3", Encoding.ASCII.GetString(bytes, 0, 3));

        var audio = AudioFiles.Decode(bytes, "stereo-44k-id3.mp3");

        Assert.Equal((AudioFormat.Mp3, 44100, 2), (audio.Format, audio.SampleRate, audio.Channels));
        Assert.InRange(audio.Duration.TotalSeconds, 0.5, 0.6);
        Assert.Equal(440, AudioFiles.ToneFrequency(audio, 0), tolerance: 440 * 0.1);
        Assert.Equal(660, AudioFiles.ToneFrequency(audio, 1), tolerance: 660 * 0.1);
    }

    [Fact]
    public void DecodesOggVorbis()
    {
        var audio = AudioFiles.Decode(AudioFiles.Fixture("mono-22k.ogg"), "mono-22k.ogg");

        Assert.Equal((AudioFormat.OggVorbis, 22050, 1), (audio.Format, audio.SampleRate, audio.Channels));
        Assert.Equal(0.5, audio.Duration.TotalSeconds, tolerance: 0.01);
        Assert.Equal(330, AudioFiles.ToneFrequency(audio, 0), tolerance: 330 * 0.1);
    }

    [Fact]
    public void TheFormatComesFromTheBytesNotTheExtension()
    {
        var wav = TestWav.Build(TestWav.Sine(8000, 1, 0.1), 8000, 1, 16);

        var audio = AudioFiles.Decode(wav, "really-a-wav.mp3");

        Assert.Equal(AudioFormat.Wav, audio.Format);
    }

    [Fact]
    public void RejectsWavWhoseHeaderClaimsMoreDataThanTheFileHolds()
    {
        var samples = TestWav.Sine(8000, 1, 0.5);
        var lying = TestWav.Build(samples, 8000, 1, 16, claimedDataBytes: 8000 * 2 * 12);

        var rejection = AudioFiles.Reject(lying, "lying.wav");

        Assert.Equal("lying.wav", rejection.FileName);
        Assert.Contains("promises 12.0 s of audio but the file holds only 0.5 s", rejection.Reason);
    }

    [Fact]
    public void RejectsZeroByteWav()
    {
        var rejection = AudioFiles.Reject([], "empty.wav");

        Assert.Equal("empty.wav: the file is empty (0 bytes)", rejection.Message);
    }

    [Fact]
    public void RejectsTextNamedMp3()
    {
        var text = Encoding.UTF8.GetBytes("These are my meeting notes, not a song.\n");

        var rejection = AudioFiles.Reject(text, "notes.mp3");

        Assert.Contains("not an audio file", rejection.Reason);
    }

    [Fact]
    public void RejectsAnId3TagWithNoAudioBehindIt()
    {
        var bytes = AudioFiles.Fixture("stereo-44k-id3.mp3");
        var tagOnly = bytes.Take(64).Concat(Encoding.ASCII.GetBytes(new string('x', 4000))).ToArray();

        var rejection = AudioFiles.Reject(tagOnly, "tag-only.mp3");

        Assert.Contains("MP3", rejection.Reason);
    }

    [Fact]
    public void RejectsFlacByName()
    {
        var flac = "fLaC"u8.ToArray().Concat(new byte[60]).ToArray();

        var rejection = AudioFiles.Reject(flac, "song.flac");

        Assert.Contains("FLAC is not supported", rejection.Reason);
    }

    [Fact]
    public void RejectsClipLongerThanTheLimitFromItsHeader()
    {
        var wav = TestWav.Build(TestWav.Sine(8000, 1, 3), 8000, 1, 16);
        var limits = new AudioLimits { MaxDuration = TimeSpan.FromSeconds(2) };

        var rejection = AudioFiles.Reject(wav, "long.wav", limits);

        Assert.Equal("the clip lasts 3 s; clips may last at most 2 s", rejection.Reason);
    }

    [Fact]
    public void RejectsLongMp3AndOggClips()
    {
        var limits = new AudioLimits { MaxDuration = TimeSpan.FromSeconds(0.25) };

        var mp3 = AudioFiles.Reject(AudioFiles.Fixture("stereo-44k-id3.mp3"), "a.mp3", limits);
        var ogg = AudioFiles.Reject(AudioFiles.Fixture("mono-22k.ogg"), "a.ogg", limits);

        Assert.StartsWith("the clip lasts", mp3.Reason);
        Assert.StartsWith("the clip lasts", ogg.Reason);
    }

    [Fact]
    public void RejectsFileOverTheSizeLimitBeforeReadingIt()
    {
        var wav = TestWav.Build(TestWav.Sine(8000, 1, 1), 8000, 1, 16);
        var limits = new AudioLimits { MaxFileBytes = 1024 };

        var rejection = AudioFiles.Reject(wav, "big.wav", limits);

        Assert.Contains("audio files may be at most 0.0 MB", rejection.Reason);
    }

    [Fact]
    public void RejectsUnsupportedWavEncodingByName()
    {
        var wav = TestWav.Build(TestWav.Sine(8000, 1, 0.1), 8000, 1, 8, tag: 7);

        var rejection = AudioFiles.Reject(wav, "mulaw.wav");

        Assert.Contains("format tag 7 is not supported", rejection.Reason);
    }
}
