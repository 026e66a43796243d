using System.CommandLine;
using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;

namespace LabelStudio.Cli.Data;

/// <summary>
/// `import`: a CSV, TSV, JSONL or Label Studio JSON file into a new or existing project of a data
/// directory, through the import the web app runs: every row checked, all or nothing.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var dataDir = DataOptions.DataDirectory();
        var file = new Option<string>("--file") { Description = "The file to import.", Required = true };
        var project = new Option<string?>("--project") { Description = "Existing project: its id or name." };
        var newProject = new Option<string?>("--new-project")
        {
            Description = "Create a project of this name, its classes taken from the label column.",
        };
        var idColumn = new Option<string?>("--id-column")
        {
            Description = "Column naming each row [Label Studio: id].",
        };
        var labelColumn = new Option<string?>("--label-column")
        {
            Description = "Column holding labels [Label Studio: label].",
        };
        var hidden = new Option<bool>("--hidden-labels")
        {
            Description = "Keep the label column as hidden ground truth instead of labels.",
        };
        var features = new Option<string?>("--features")
        {
            Description = "Comma-separated feature columns [default: all but the id and label columns].",
        };

        var command = new Command("import", "Import a table or a Label Studio export into a project.")
        {
            dataDir, file, project, newProject, idColumn, labelColumn, hidden, features,
        };
        command.SetAction((parsed, ct) =>
        {
            var request = new ImportArguments(
                parsed.GetValue(dataDir)!,
                parsed.GetValue(file)!,
                parsed.GetValue(project),
                parsed.GetValue(newProject),
                parsed.GetValue(idColumn),
                parsed.GetValue(labelColumn),
                parsed.GetValue(hidden),
                parsed.GetValue(features)?.Split(',', StringSplitOptions.TrimEntries));
            var console = parsed.InvocationConfiguration;
            return CliErrors.RunAsync(console.Error, () => ImportAsync(request, console.Output, ct));
        });
        return command;
    }

    private static async Task ImportAsync(ImportArguments args, TextWriter console, CancellationToken ct)
    {
        if ((args.Project is null) == (args.NewProject is null))
        {
            throw new CliInputException("give either --project or --new-project.");
        }
        if (!File.Exists(args.File))
        {
            throw new CliInputException($"--file: '{args.File}' does not exist.");
        }

        var table = await ParseAsync(args.File, ct);
        var plan = PlanFor(table, args);
        await using var host = await DataDirectoryHost.OpenAsync(args.DataDirectory, ct);
        var projectId = args.Project is { } reference
            ? await host.FindProjectAsync(reference, ct)
            : await CreateProjectAsync(host, args.NewProject!, table, plan, ct);

        var jobs = host.Get<ImportJobService>();
        ImportJob uploaded;
        await using (var content = File.OpenRead(args.File))
        {
            uploaded = await jobs.UploadAsync(projectId, Path.GetFileName(args.File), content, null, ct);
        }
        await jobs.StartAsync(uploaded.Id, new ImportRequest(plan, AddMissingClasses: args.NewProject is not null), ct);
        var job = await host.Get<ImportRunner>().RunAsync(uploaded.Id, ct);
        if (job?.Status != JobStatus.Succeeded)
        {
            var errors = job?.ErrorsJson is { } json ? JsonSerializer.Deserialize<List<ImportError>>(json) ?? [] : [];
            throw new CliInputException(errors.Count == 0
                ? job?.Message ?? "the import did not run"
                : string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }
        var imported = Counted.Of(table.Rows.Count, "item");
        await console.WriteLineAsync($"{args.File}: imported {imported} into project {projectId}");
    }

    private static async Task<ParsedTable> ParseAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await TableFileParser.ParseAsync(stream, path, ct: ct);
        }
        catch (ImportFailedException failure)
        {
            throw new CliInputException(string.Join(Environment.NewLine, failure.Errors.Select(e => e.ToString())));
        }
    }

    private static TableImportPlan PlanFor(ParsedTable table, ImportArguments args)
    {
        var isLabelStudio = table.Format.Format == TableFileFormat.LabelStudioJson;
        var id = args.IdColumn ?? (isLabelStudio ? table.Columns[0] : null);
        var label = args.LabelColumn ?? (isLabelStudio ? table.Columns[^1] : null);
        Require(table, "--id-column", id);
        Require(table, "--label-column", label);
        var features = args.Features ?? [.. table.Columns.Where(c => c != id && c != label)];
        foreach (var feature in features)
        {
            Require(table, "--features", feature);
        }
        return new TableImportPlan(
            features, id, label, args.HiddenLabels ? LabelMode.HiddenGroundTruth : LabelMode.ImportAsLabels);
    }

    private static void Require(ParsedTable table, string option, string? column)
    {
        if (column is not null && table.IndexOf(column) < 0)
        {
            throw new CliInputException(
                $"{option}: {table.FileName} has no column '{column}'; "
                + $"its columns: {string.Join(", ", table.Columns)}");
        }
    }

    private static async Task<int> CreateProjectAsync(
        DataDirectoryHost host, string name, ParsedTable table, TableImportPlan plan, CancellationToken ct)
    {
        if (plan.LabelColumn is not { } labelColumn)
        {
            throw new CliInputException("--new-project needs --label-column: its values become the classes.");
        }
        var index = table.IndexOf(labelColumn);
        var classes = table.Rows.Select(r => r.Values[index]).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        // Checked before the project exists, so a bad file leaves no empty project behind.
        var problems = ImportPlanValidator.Validate(table, plan, classes).Errors;
        if (problems.Count > 0)
        {
            throw new CliInputException(string.Join(Environment.NewLine, problems.Select(e => e.ToString())));
        }
        var draft = new ProjectDraft { Name = name, Classes = [.. classes.Select(c => new ClassDraft { Name = c })] };
        try
        {
            return (await host.Get<ProjectService>().CreateAsync(draft, userId: null, ct)).Id;
        }
        catch (ProjectSettingsException e)
        {
            throw new CliInputException($"--new-project: {e.Message}");
        }
    }

    private sealed record ImportArguments(
        string DataDirectory,
        string File,
        string? Project,
        string? NewProject,
        string? IdColumn,
        string? LabelColumn,
        bool HiddenLabels,
        IReadOnlyList<string>? Features);
}
