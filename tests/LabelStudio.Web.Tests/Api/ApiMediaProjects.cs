using System.Net;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Storage;
using LabelStudio.Web.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Web.Tests.Api;

/// <summary>
/// An image or audio project made and filled through the API by its lead, as a script would, and
/// the stored files of its items read back from the data directory to compare what is served.
/// </summary>
internal sealed class ApiMediaProjects(ApiFixture fixture)
{
    /// <summary>A 40 × 30 PNG kept in a subfolder, as the tester's sub/003.png.</summary>
    public static readonly (string Name, byte[] Content) Image = ("sub/003.png", Png(40, 30));

    /// <summary>A one-second tone.</summary>
    public static readonly (string Name, byte[] Content) Clip = ("tones/a.wav", MediaImports.SineWav(8000, 1));

    /// <summary>A new project of <paramref name="kind"/> holding the one file, and its lead's client.</summary>
    /// <param name="importQuery">Extra import parameters, e.g. <c>&amp;classFolders=hidden</c>.</param>
    public async Task<MediaProject> CreateAsync(
        string kind, (string Name, byte[] Content) file, string importQuery = "")
    {
        var lead = await fixture.ClientAsync(ApiFixture.Lead, member: false);
        var created = await (await lead.PostJsonAsync("/api/v1/projects", new
        {
            name = $"Media {Guid.NewGuid():N}",
            classes = new[] { "yes", "no" },
            kind,
        })).JsonAsync(HttpStatusCode.Created);
        var projectId = created.GetProperty("id").GetInt32();

        using var body = new ByteArrayContent(MediaImports.Zip(file));
        var response = await lead.PostAsync(
            $"/api/v1/projects/{projectId}/imports?fileName=media.zip{importQuery}", body);
        var job = await response.JsonAsync(HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (job.GetProperty("status").GetString() is "queued" or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            job = await (await lead.GetAsync(response.Headers.Location)).JsonAsync(HttpStatusCode.OK);
        }
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        return new MediaProject(lead, projectId);
    }

    /// <summary>The project's one item as the next-item call leases it.</summary>
    public static async Task<(JsonElement Next, long ItemId)> LeaseAsync(HttpClient client, int projectId)
    {
        var next = await client.NextItemAsync(projectId);
        return (next, next.GetProperty("itemId").GetInt64());
    }

    /// <summary>The bytes stored for the item's <paramref name="variant"/>, read from the data directory.</summary>
    public async Task<byte[]> StoredAsync(long itemId, string variant)
    {
        var services = fixture.App.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        var media = await db.ItemMedia.SingleAsync(m => m.ItemId == itemId);
        var file = variant switch
        {
            "original" => media.OriginalFile,
            "display" => media.DisplayFile,
            "spectrogram" => media.SpectrogramFile!,
            _ => media.ThumbnailFile,
        };
        var root = services.GetRequiredService<DataDirectory>().Root;
        return await File.ReadAllBytesAsync(Path.Combine(root, media.StoredFolder, file));
    }

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 30, 60, 255));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}

/// <summary>A media project and its lead's read-write client, disposed with it.</summary>
internal sealed record MediaProject(HttpClient Lead, int Id) : IDisposable
{
    public void Dispose() => Lead.Dispose();
}
