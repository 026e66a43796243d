using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Ml;
using LabelStudio.Ml.Tabular;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Features.Demo;

/// <summary>
/// On a new database, creates the demo projects from the real data in samples/, through the same
/// import path an uploaded file takes, so a new user can start labeling at once.
/// </summary>
internal sealed partial class DemoSeeder(
    ProjectService projects,
    ImportJobService imports,
    ImportRunner runner,
    IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        await SeedPenguinsAsync(cancellationToken);
        if (options.Value.Images)
        {
            await SeedFashionAsync(cancellationToken);
        }
        if (options.Value.Audio)
        {
            await SeedSpokenLanguageAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Queues the Fashion-MNIST sample as a folder import and returns at once: the import and the
    /// featurizing that follows run on the background workers, so the first start stays quick.
    /// </summary>
    private async Task SeedFashionAsync(CancellationToken cancellationToken)
    {
        var folder = DemoOptions.ImageSamplePath;
        if (!Directory.Exists(folder))
        {
            LogSampleMissing(folder);
            return;
        }

        var classes = ClassFolders(folder);
        var draft = new ProjectDraft
        {
            Name = "Fashion-MNIST",
            DataKind = DataKind.Image,
            Description = $"3,000 small greyscale photos of clothing from Zalando's Fashion-MNIST, "
                + $"{classes.Count} kinds. Their true kind is kept hidden to measure the model.",
            Instructions = "Pick the kind of clothing. T-shirt: short sleeves; shirt: collar or buttons; "
                + "pullover: long sleeves, no opening; coat: opens at the front. "
                + "Zoom with + and -, or the mouse wheel.",
            RoundSize = 20,
            Strategy = QueryStrategy.Margin,
            Classes = [.. classes.Select((name, i) => new ClassDraft
            {
                Name = name,
                Color = ClassDefaults.Color(i),
            })],
        };
        await QueueFolderImportAsync(draft, DemoOptions.ImageSampleFolder, cancellationToken);
    }

    /// <summary>
    /// Queues the spoken-language sample the same way: 300 short prompts in five languages, their
    /// language hidden as ground truth. The import computes each clip's features as it decodes it;
    /// the featurize worker then standardizes them together and the first model follows.
    /// </summary>
    private async Task SeedSpokenLanguageAsync(CancellationToken cancellationToken)
    {
        var folder = DemoOptions.AudioSamplePath;
        if (!Directory.Exists(folder))
        {
            LogSampleMissing(folder);
            return;
        }

        var draft = new ProjectDraft
        {
            Name = "Spoken language",
            DataKind = DataKind.Audio,
            Description = "300 telephone voice prompts (numbers, months, letters, a few words) recorded in five "
                + "languages for the Asterisk PBX. Their true language is kept hidden to measure the model.",
            Instructions = "Listen and pick the language: en English, es Spanish, fr French, it Italian, "
                + "ru Russian. English and Spanish share one speaker, so listen to the words, not the voice.\n"
                + "Space plays or pauses, R replays, [ and ] change the speed; the clip plays on arrival.",
            RoundSize = 20,
            Strategy = QueryStrategy.Margin,
            AutoplayAudio = true,
            Classes = [.. ClassFolders(folder).Select((name, i) => new ClassDraft
            {
                Name = name,
                Color = ClassDefaults.Color(i),
            })],
        };
        await QueueFolderImportAsync(draft, DemoOptions.AudioSampleFolder, cancellationToken);
    }

    private static List<string> ClassFolders(string folder) =>
        Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Order().ToList();

    /// <summary>Creates the project and queues its sample folder; the import worker takes it from there.</summary>
    private async Task QueueFolderImportAsync(
        ProjectDraft draft, string folderName, CancellationToken cancellationToken)
    {
        var project = await projects.CreateAsync(draft, userId: null, cancellationToken);
        var job = await imports.CreateFolderJobAsync(project.Id, folderName, userId: null, cancellationToken);
        await imports.StartMediaAsync(job.Id,
            new MediaImportRequest(folderName, LabelMode.HiddenGroundTruth, SkipBadFiles: false),
            cancellationToken);
        LogQueued(project.Name, job.Id);
    }

    private async Task SeedPenguinsAsync(CancellationToken cancellationToken)
    {
        var draft = new ProjectDraft
        {
            Name = "Penguins",
            Description = "Palmer penguins: tell the species from beak, flipper, body mass, island and sex. "
                + "344 real birds measured at Palmer Station, Antarctica.",
            Instructions = "Pick the species.\n"
                + "Gentoo: heaviest (about 5 kg), flippers over 210 mm, shallow beak.\n"
                + "Chinstrap: long beak (over 45 mm) but deep, light body; only on Dream island.\n"
                + "Adelie: short beak (under 42 mm); found on all three islands.\n"
                + "Skip (Tab) when the measurements are missing.",
            RoundSize = 20,
            Strategy = QueryStrategy.Margin,
            Classes =
            [
                new ClassDraft { Name = "Adelie", Color = "#e07a1f", Hotkey = "1" },
                new ClassDraft { Name = "Chinstrap", Color = "#9b59b6", Hotkey = "2" },
                new ClassDraft { Name = "Gentoo", Color = "#2a9d8f", Hotkey = "3" },
            ],
        };
        var project = await projects.CreateAsync(draft, userId: null, cancellationToken);

        var path = Path.Combine(AppContext.BaseDirectory, "samples", "penguins.csv");
        await using var file = File.OpenRead(path);
        var job = await imports.UploadAsync(project.Id, "penguins.csv", file, userId: null, cancellationToken);
        var plan = new TableImportPlan(
            ["Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)", "Sex"],
            IdColumn: "Id",
            LabelColumn: "Species",
            LabelMode: LabelMode.HiddenGroundTruth,
            ColumnKinds: new Dictionary<string, ColumnKind>
            {
                ["Island"] = ColumnKind.Category,
                ["Sex"] = ColumnKind.Category,
            });
        await imports.StartAsync(job.Id, new ImportRequest(plan, AddMissingClasses: false), cancellationToken);

        var result = await runner.RunAsync(job.Id, cancellationToken);
        LogSeeded(project.Name, result?.ImportedCount ?? 0, result?.Message ?? "");
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Demo project {ProjectName} created; its files import in the background (job {JobId})")]
    private partial void LogQueued(string projectName, int jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample folder {Folder} is missing; no demo project from it")]
    private partial void LogSampleMissing(string folder);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Demo project {ProjectName} seeded with {ItemCount} items ({Message})")]
    private partial void LogSeeded(string projectName, int itemCount, string message);
}
