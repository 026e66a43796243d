using System.Globalization;
using LabelStudio.Core.Media.Audio;
using LabelStudio.Ml;
using LabelStudio.Ml.Images;
using LabelStudio.Ml.Simulation;
using static System.FormattableString;

namespace LabelStudio.Cli.Simulate;

/// <summary>
/// The human-readable output: what was read, the learning curves side by side, and one verdict per
/// strategy. Numbers use the invariant culture so the output reads the same on every machine.
/// </summary>
internal static class SimulationReport
{
    /// <summary>"Labels needed" is measured against this share of the full-pool model's accuracy.</summary>
    public const double TargetShare = 0.95;

    public static void WriteInput(TextWriter output, LabeledTable table, SimulateSettings settings)
    {
        output.WriteLine($"{table.FileName}: {table.Labels.Length} rows with a label in '{table.LabelColumn}', " +
            $"{table.DroppedRows} without one dropped");

        var classes = table.Classes.Select((name, c) => $"{name} {table.ClassSizes[c]}");
        output.WriteLine($"classes ({table.Classes.Count}): {string.Join(", ", classes)}");

        var features = table.Features.Select(f => $"{f.Name} ({f.Kind.ToString().ToLowerInvariant()})");
        output.WriteLine($"features ({table.Features.Count}): {string.Join(", ", features)}");
        if (table.Selection.IdColumn is { } id)
        {
            var how = table.Selection.IdDetected ? "detected by its name and unique values" : "--id-column";
            output.WriteLine($"id column: {id} ({how}; not a feature)");
        }

        WriteSettings(output, settings);
    }

    public static void WriteInput(TextWriter output, ImageFolder folder, SimulateSettings settings)
    {
        output.WriteLine($"{folder.Path}: {folder.Labels.Length} images in class subfolders, " +
            $"{folder.Unlabeled} outside them dropped");

        var classes = folder.Classes.Select((name, c) => $"{name} {folder.ClassSizes[c]}");
        output.WriteLine($"classes ({folder.Classes.Count}): {string.Join(", ", classes)}");

        var fallback = folder.EmbedderName == ImageEmbedderNames.ResNet18
            ? ""
            : " (the ResNet18 model could not load; this is the cheap fallback)";
        output.WriteLine(Invariant($"features: {folder.EmbedderName} embedding, {folder.Vectors[0].Length} floats, ")
            + Invariant($"input {folder.InputSize} px{fallback}"));
        WriteSettings(output, settings);
    }

    public static void WriteInput(TextWriter output, LabeledClips clips, SimulateSettings settings)
    {
        output.WriteLine(Invariant($"{clips.Folder}: {clips.Labels.Length} audio clips, ")
            + Invariant($"{clips.Audio.TotalSeconds:F1} s in all; {clips.Skipped.Count} file(s) skipped"));
        foreach (var reason in clips.Skipped)
        {
            output.WriteLine($"  skipped {reason}");
        }

        var classes = clips.Classes.Select((name, c) => $"{name} {clips.ClassSizes[c]}");
        output.WriteLine($"classes ({clips.Classes.Count}, from the subfolders): {string.Join(", ", classes)}");
        output.WriteLine(Invariant($"features ({AudioFeatureLayout.Dimensions} per clip): MFCC and spectral ")
            + "statistics, standardized over the pool");
        WriteSettings(output, settings);
    }

    private static void WriteSettings(TextWriter output, SimulateSettings settings)
    {
        var strategies = string.Join(", ", settings.Strategies.Select(QueryStrategyNames.ToName));
        var seeds = string.Join(",", settings.Seeds);
        output.WriteLine(Invariant($"strategies {strategies}; seed set {settings.SeedSize}, ")
            + Invariant($"batch {settings.BatchSize}, rounds {settings.Rounds}, ")
            + Invariant($"test fraction {settings.TestFraction}, seeds {seeds}"));
    }

    public static void WriteResults(TextWriter output, SimulationResult result, double fullAccuracy, int seedCount)
    {
        output.WriteLine(Invariant(
            $"full-pool accuracy {fullAccuracy:F3} (trained on every pool row, mean over {seedCount} seed(s))"));
        output.WriteLine();
        var curves = SimulationSummary.MeanCurves(result);
        WriteTable(output, curves);
        output.WriteLine();

        var reached = SimulationSummary.LabelsToReach(result, fullAccuracy, TargetShare);
        foreach (var curve in curves)
        {
            var last = curve.MeanCurve[^1];
            var target = reached.Single(t => t.Strategy == curve.Strategy);
            var name = QueryStrategyNames.ToName(curve.Strategy);
            output.WriteLine(Invariant($"{name}: {last.Accuracy:F3} at {last.Labels} labels; {Reach(target)}"));
            if (curve.Strategy != QueryStrategy.Random
                && SimulationSummary.LabelShare(reached, curve.Strategy, QueryStrategy.Random) is { } share)
            {
                output.WriteLine(Invariant($"  {name} needed {share:F2}x the labels of random"));
            }
        }
    }

    /// <summary>One row per label count, one column of mean accuracy per strategy.</summary>
    private static void WriteTable(TextWriter output, IReadOnlyList<StrategyCurve> curves)
    {
        var names = curves.Select(c => QueryStrategyNames.ToName(c.Strategy)).ToArray();
        var widths = names.Select(n => Math.Max(n.Length, 5)).ToArray();
        output.WriteLine("labels" + string.Concat(names.Select((n, i) => "  " + n.PadLeft(widths[i]))));

        var labelCounts = curves.SelectMany(c => c.MeanCurve.Select(p => p.Labels)).Distinct().Order();
        foreach (var labels in labelCounts)
        {
            var cells = curves.Select((curve, i) =>
            {
                var point = curve.MeanCurve.FirstOrDefault(p => p.Labels == labels);
                var text = point is null ? "-" : point.Accuracy.ToString("F3", CultureInfo.InvariantCulture);
                return "  " + text.PadLeft(widths[i]);
            });
            output.WriteLine(labels.ToString(CultureInfo.InvariantCulture).PadLeft(6) + string.Concat(cells));
        }
    }

    private static string Reach(LabelsToTarget target)
    {
        var goal = Invariant($"{TargetShare * 100:F0}% of full-pool accuracy ({target.Target:F3})");
        if (target.MeanLabels is not { } labels)
        {
            return $"never reached {goal} in {target.Runs} run(s)";
        }

        var runs = target.RunsReached == target.Runs
            ? $"mean of {target.Runs} run(s)"
            : $"mean of the {target.RunsReached} of {target.Runs} runs that reached it";
        return Invariant($"reached {goal} at {labels:F0} labels ({runs})");
    }
}
