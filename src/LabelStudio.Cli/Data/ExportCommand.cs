using System.CommandLine;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Cli.Remote;
using LabelStudio.Core.Export;

namespace LabelStudio.Cli.Data;

/// <summary>
/// `export`: writes a project's export package (data, manifest, classes) from a data directory, or
/// from a running server through the REST API with a personal access token.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Where the token is read from when --token is not given, so it does not show in `ps`.</summary>
    public const string TokenVariable = "LABELSTUDIO_TOKEN";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private static readonly Dictionary<string, ExportFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = ExportFormat.Csv,
        ["jsonl"] = ExportFormat.JsonLines,
        ["parquet"] = ExportFormat.Parquet,
        ["label-studio"] = ExportFormat.LabelStudio,
        ["media-folder"] = ExportFormat.MediaFolder,
        ["imagefolder"] = ExportFormat.MediaFolder,
        ["audiofolder"] = ExportFormat.MediaFolder,
    };

    public static Command Create()
    {
        var dataDir = DataOptions.DataDirectory();
        var project = DataOptions.Project("Project to export: its id or name.");
        var format = new Option<string>("--format")
        {
            Description = "csv, jsonl, parquet, label-studio, or media-folder (alias imagefolder, audiofolder).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<string>("--output") { Description = "The ZIP file to write.", Required = true };
        var allEvents = new Option<bool>("--all-events") { Description = "Every label event, not only final labels." };
        var agreement = new Option<double?>("--min-agreement")
        {
            Description = "Keep items whose label at least this share (0..1) of their annotators gave.",
        };
        var skipped = new Option<bool>("--include-skipped") { Description = "Also export skips." };
        var predictions = new Option<bool>("--predictions") { Description = "Add the current model's predictions." };
        var features = new Option<bool>("--features") { Description = "Add the feature vectors." };
        var server = new Option<string>("--server")
        {
            Description = "Export from a running LabelStudio at this URL through its API instead of --data-dir.",
            HelpName = "url",
        };
        var token = new Option<string>("--token")
        {
            Description = $"A personal access token for --server; better set {TokenVariable}, hidden from `ps`.",
        };

        var command = new Command("export", "Export a project's labels as a ZIP with data, manifest and classes.")
        {
            dataDir, project, format, output, allEvents, agreement, skipped, predictions, features, server, token,
        };
        command.SetAction((parsed, ct) =>
        {
            var options = new ExportOptions(
                Formats[parsed.GetValue(format)!],
                parsed.GetValue(allEvents) ? ExportScope.AllEvents : ExportScope.FinalLabels,
                parsed.GetValue(agreement),
                parsed.GetValue(skipped),
                parsed.GetValue(predictions),
                parsed.GetValue(features));
            var console = parsed.InvocationConfiguration;
            if (parsed.GetValue(server) is { } url)
            {
                return CliErrors.RunAsync(console.Error, () => ExportFromServerAsync(
                    url, parsed.GetValue(token), parsed.GetResult(dataDir) is { Implicit: false },
                    parsed.GetValue(project)!, options, parsed.GetValue(output)!, console, ct));
            }
            return CliErrors.RunAsync(console.Error, () => ExportAsync(
                parsed.GetValue(dataDir)!, parsed.GetValue(project)!, options, parsed.GetValue(output)!,
                console.Output, ct));
        });
        return command;
    }

    private static async Task ExportFromServerAsync(
        string server, string? token, bool dataDirGiven, string project, ExportOptions options, string output,
        InvocationConfiguration console, CancellationToken ct)
    {
        if (dataDirGiven)
        {
            throw new CliInputException("--data-dir and --server exclude each other: export from one or the other.");
        }
        if (!Uri.TryCreate(server, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliInputException($"--server: '{server}' is not an http:// or https:// URL.");
        }
        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliInputException(
                $"--server needs a personal access token: set {TokenVariable} (or give --token).");
        }
        CheckOutputFolder(output);

        using var api = new ApiClient(url, token.Trim());
        await new ServerExport(api, console.Output!, console.Error!, PollInterval)
            .RunAsync(project, options, output, ct);
    }

    private static void CheckOutputFolder(string output)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!Directory.Exists(folder))
        {
            throw new CliInputException($"--output: the folder '{folder}' does not exist.");
        }
    }

    private static async Task ExportAsync(
        string dataDirectory, string projectReference, ExportOptions options, string output, TextWriter console,
        CancellationToken ct)
    {
        CheckOutputFolder(output);

        await using var host = await DataDirectoryHost.OpenAsync(dataDirectory, ct);
        var projectId = await host.FindProjectAsync(projectReference, ct);
        var jobs = host.Get<ExportJobService>();
        ExportJob queued;
        try
        {
            queued = await jobs.StartAsync(projectId, options, userId: null, ct);
        }
        catch (ExportRequestException e)
        {
            throw new CliInputException(e.Message);
        }

        var job = await host.Get<ExportRunner>().RunAsync(queued.Id, ct);
        var path = job is null ? null : jobs.FilePath(job);
        if (path is null)
        {
            throw new CliInputException($"export {queued.Id} failed: {job?.Message ?? "another process ran it"}");
        }
        File.Copy(path, output, overwrite: true);
        await console.WriteLineAsync($"{output}: {job!.RowCount:N0} rows, {job.ByteCount:N0} bytes (export {job.Id})");
    }
}
