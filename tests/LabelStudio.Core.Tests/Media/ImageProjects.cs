using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Media;

/// <summary>Image and audio projects and their imports through the services the import page uses.</summary>
internal static class ImageProjects
{
    public static Task<Project> CreateImageProjectAsync(
        this TestDatabase database, string name = "Clothes", params string[] classes) =>
        database.CreateMediaProjectAsync(DataKind.Image, name, classes.Length > 0 ? classes : ["shirt", "shoe"]);

    public static Task<Project> CreateAudioProjectAsync(this TestDatabase database) =>
        database.CreateMediaProjectAsync(DataKind.Audio, "Voices", ["en", "fr"]);

    private static Task<Project> CreateMediaProjectAsync(
        this TestDatabase database, DataKind kind, string name, string[] classes)
    {
        var draft = new ProjectDraft
        {
            Name = name,
            DataKind = kind,
            Classes = [.. classes.Select(c => new ClassDraft { Name = c })],
        };
        return database.Get<ProjectService>().CreateAsync(draft, userId: null, CancellationToken.None);
    }

    public static async Task<ImportJob> ImportZipAsync(
        this TestDatabase database, int projectId, byte[] zip, MediaImportRequest? request = null)
    {
        var jobs = database.Get<ImportJobService>();
        using var stream = new MemoryStream(zip);
        var job = await jobs.UploadAsync(projectId, "images.zip", stream, userId: null, CancellationToken.None);
        request ??= new MediaImportRequest(null, null, false);
        await jobs.StartMediaAsync(job.Id, request, CancellationToken.None);
        return (await database.Get<ImportRunner>().RunAsync(job.Id, CancellationToken.None))!;
    }

    /// <summary>Imports a server folder the test configured under <c>Media:ImportFolders</c>.</summary>
    public static async Task<ImportJob> ImportFolderAsync(
        this TestDatabase database, int projectId, string folderName, bool skipBadFiles = false,
        LabelMode? classFolders = null)
    {
        var jobs = database.Get<ImportJobService>();
        var job = await jobs.CreateFolderJobAsync(projectId, folderName, userId: null, CancellationToken.None);
        await jobs.StartMediaAsync(
            job.Id, new MediaImportRequest(folderName, classFolders, skipBadFiles), CancellationToken.None);
        return (await database.Get<ImportRunner>().RunAsync(job.Id, CancellationToken.None))!;
    }

    public static IReadOnlyList<ImportError> Rejections(this ImportJob job) =>
        job.ErrorsJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<ImportError>>(job.ErrorsJson)!;
}
