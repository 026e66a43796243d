using System.CommandLine;
using System.Diagnostics;
using LabelStudio.Ml;
using LabelStudio.Ml.Simulation;
using static System.FormattableString;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// `simulate`: replays active learning on an already labeled table (the label column answering every
/// query) or image folder (the class subfolders answering), to show how many labels each strategy
/// needs compared with labeling at random.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var options = new SimulateOptions();
        var command = new Command(
            "simulate", "Replay active learning on a labeled table and compare query strategies.");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.Validators.Add(options.CheckInputKind);
        command.SetAction((parsed, ct) =>
        {
            var console = parsed.InvocationConfiguration;
            return RunAsync(options.Read(parsed), console.Output, console.Error, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        SimulateSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            await SimulateAsync(settings, output, error, ct);
            return ExitCodes.Success;
        }
        catch (CliInputException e)
        {
            await error.WriteLineAsync($"{CliApp.Name}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static async Task SimulateAsync(
        SimulateSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        // 1. Every input problem surfaces here, before the first model is trained.
        var clock = Stopwatch.StartNew();
        JsonReport.CheckFolderExists(settings.JsonPath);
        var (vectors, labels, classCount, embedder) = await LoadAsync(settings, output, error, ct);

        // 2. The ceiling: per seed, a model trained on that seed's whole pool, with the app's trainer settings.
        var options = settings.ToSimulationOptions() with { Trainer = TrainerOptions.ForEmbedder(embedder) };
        var full = options.Seeds.Average(seed =>
            ActiveLearningSimulation.FullPoolAccuracy(vectors, labels, classCount, options, seed, ct));

        // 3. The replays, one line on stderr as each finishes.
        var progress = new RunProgress(error, options.Strategies.Count * options.Seeds.Count);
        var result = ActiveLearningSimulation.Run(vectors, labels, classCount, options, progress, ct);
        progress.Finish();

        SimulationReport.WriteResults(output, result, full, options.Seeds.Count);
        if (settings.JsonPath is { } path)
        {
            await JsonReport.WriteAsync(path, result, ct);
        }

        await error.WriteLineAsync(Invariant($"done in {clock.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Feature vectors, classes and the image embedder (if any) from a table, image or audio folder.</summary>
    private static async Task<(float[][] Vectors, int[] Labels, int ClassCount, string? Embedder)> LoadAsync(
        SimulateSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!Directory.Exists(settings.Input))
        {
            var table = await LabeledTable.LoadAsync(settings, ct);
            SimulationReport.WriteInput(output, table, settings);
            return (table.Vectors, table.Labels, table.Classes.Count, null);
        }

        var clock = Stopwatch.StartNew();
        if (ImageFolder.HoldsImages(settings.Input))
        {
            var folder = ImageFolder.Load(settings.Input, ct);
            var embedSeconds = clock.Elapsed.TotalSeconds;
            await error.WriteLineAsync(Invariant($"embedded {folder.Labels.Length} images in {embedSeconds:F1} s"));
            SimulationReport.WriteInput(output, folder, settings);
            return (folder.Vectors, folder.Labels, folder.Classes.Count, folder.EmbedderName);
        }

        var clips = LabeledClips.Load(settings.Input, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        await error.WriteLineAsync(
            Invariant($"decoded and featurized {clips.Labels.Length} clips in {seconds:F1} s"));
        SimulationReport.WriteInput(output, clips, settings);
        return (clips.Vectors, clips.Labels, clips.Classes.Count, null);
    }
}
