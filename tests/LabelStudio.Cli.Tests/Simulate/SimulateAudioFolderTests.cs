using LabelStudio.Core.Media.Audio;

namespace LabelStudio.Cli.Tests.Simulate;

public sealed class SimulateAudioFolderTests
{
    private static readonly string[] Quick = ["--seed-size", "4", "--batch", "2", "--rounds", "2"];

    [Fact]
    public async Task FolderOfClipsWithClassSubfoldersIsReplayedAndBadFilesAreListed()
    {
        using var folder = new TempFolder();
        WriteTones(folder, "high", 1800);
        WriteTones(folder, "low", 250);
        folder.Write(Path.Combine("low", "notes.wav"), "not audio at all");

        var run = await CliRun.RunAsync(["simulate", "--input", folder.Path, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{folder.Path}: 20 audio clips, 6.0 s in all; 1 file(s) skipped", run.OutputLines);
        Assert.Contains(run.OutputLines, l => l.StartsWith($"  skipped {Path.Combine("low", "notes.wav")}: not an"));
        Assert.Contains("classes (2, from the subfolders): high 10, low 10", run.OutputLines);
        Assert.Contains(run.OutputLines, l => l.StartsWith("full-pool accuracy 1.000"));
    }

    [Fact]
    public async Task ColumnOptionsAreRefusedForAFolder()
    {
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync("simulate", "--input", folder.Path, "--label-column", "language");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder: its subfolders are the classes, so --label-column cannot be used", run.Error);
    }

    [Fact]
    public async Task FolderWithOneClassIsRefused()
    {
        using var folder = new TempFolder();
        WriteTones(folder, "only", 440);

        var run = await CliRun.RunAsync(["simulate", "--input", folder.Path, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at least two classes; found 1 (only)", run.Error);
    }

    /// <summary>Ten 0.3 s clips around a base frequency, each with a little seeded noise.</summary>
    private static void WriteTones(TempFolder folder, string className, double frequency)
    {
        Directory.CreateDirectory(folder.File(className));
        var random = new Random(className.Length);
        for (var clip = 0; clip < 10; clip++)
        {
            var pitch = frequency * (1 + clip * 0.03);
            var samples = Enumerable.Range(0, 2400)
                .Select(i => (float)(0.4 * Math.Sin(2 * Math.PI * pitch * i / 8000) + 0.05 * random.NextDouble()))
                .ToArray();
            using var file = File.Create(folder.File(Path.Combine(className, $"{clip}.wav")));
            DisplayWavWriter.Write(new DecodedAudio(AudioFormat.Wav, 8000, 1, samples), file);
        }
    }
}
