namespace LabelStudio.Cli.Tests.Simulate;

/// <summary>`simulate` on a folder of real Fashion-MNIST images, one subfolder per class.</summary>
public sealed class SimulateImageFolderTests
{
    private static readonly string[] Quick =
        ["--seed-size", "4", "--batch", "4", "--rounds", "2", "--test-fraction", "0.4"];

    [Fact]
    public async Task ClassSubfoldersAnswerTheQueriesAndLooseImagesAreDropped()
    {
        using var folder = ImageFolderOf(perClass: 15);
        File.Copy(Sample("bag").First(), folder.File("loose.png"));

        var run = await CliRun.RunAsync(["simulate", "--input", folder.Path, .. Quick]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{folder.Path}: 30 images in class subfolders, 1 outside them dropped", run.OutputLines);
        Assert.Contains("classes (2): bag 15, trouser 15", run.OutputLines);
        Assert.Contains("features: resnet18 embedding, 512 floats, input 64 px", run.OutputLines);
        var full = run.OutputLines.Single(line => line.StartsWith("full-pool accuracy", StringComparison.Ordinal));
        Assert.True(double.Parse(full.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture) >= 0.9, full);
        Assert.Contains(run.OutputLines, line => line.StartsWith("margin: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TextFileNamedPngStopsTheRunNamingTheFile()
    {
        using var folder = ImageFolderOf(perClass: 4);
        var fake = folder.Write(Path.Combine("bag", "note.png"), "not a picture");

        var run = await CliRun.RunAsync(["simulate", "--input", folder.Path, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"labelstudio: {fake}: not an image in a format that can be read.", run.ErrorLines.Single());
    }

    [Fact]
    public async Task FolderWithOneClassIsRefused()
    {
        using var folder = ImageFolderOf(perClass: 4);
        Directory.Delete(folder.File("trouser"), recursive: true);

        var run = await CliRun.RunAsync(["simulate", "--input", folder.Path, .. Quick]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("only one class subfolder ('bag') holds images; at least two are needed", run.Error);
    }

    [Fact]
    public async Task ColumnOptionsAreRefusedForAnImageFolder()
    {
        using var folder = ImageFolderOf(perClass: 4);

        var run = await CliRun.RunAsync(["simulate", "--input", folder.Path, "--label-column", "class"]);

        Assert.Equal(2, run.ExitCode);
        var expected = $"{folder.Path} is a folder: its subfolders are the classes, so --label-column cannot be used";
        Assert.Contains(expected, run.Error);
    }

    private static TempFolder ImageFolderOf(int perClass)
    {
        var folder = new TempFolder();
        foreach (var name in new[] { "bag", "trouser" })
        {
            Directory.CreateDirectory(folder.File(name));
            foreach (var file in Sample(name).Take(perClass))
            {
                File.Copy(file, Path.Combine(folder.File(name), Path.GetFileName(file)));
            }
        }

        return folder;
    }

    private static IEnumerable<string> Sample(string className) => Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "fashion-mnist", className))
        .Order(StringComparer.Ordinal);
}
