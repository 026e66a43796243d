using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Web.Tests.Media;

/// <summary>
/// An image ZIP goes through the real upload endpoint and import; its media are served by item id
/// only to signed-in users, with the right headers, and the export names each file.
/// </summary>
public sealed class MediaEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string EmojiName = "👕 shirt+1 #2 100%.png";

    [Fact]
    public async Task DisplayCopyOfAnEmojiNamedImageIsServedAsPngWithSafeHeaders()
    {
        using var client = await SignedInClientAsync();
        var itemId = await ImportAndFindAsync(client, EmojiName);

        var response = await client.GetAsync($"/media/items/{itemId}/display");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("private", response.Headers.CacheControl?.ToString());
        using var image = Image.Load<Rgba32>(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((5, 3), (image.Width, image.Height));
    }

    [Fact]
    public async Task OriginalIsADownloadUnderItsOwnName()
    {
        using var client = await SignedInClientAsync();
        var itemId = await ImportAndFindAsync(client, EmojiName);

        var response = await client.GetAsync($"/media/items/{itemId}/original");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EmojiName, response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task MediaIsRefusedToAnonymousVisitors()
    {
        using var signedIn = await SignedInClientAsync();
        var itemId = await ImportAndFindAsync(signedIn, EmojiName);
        using var anonymous = fixture.App.CreateBrowserlessClient();

        var response = await anonymous.GetAsync($"/media/items/{itemId}/display");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/media/items/999999/display")]
    [InlineData("/media/items/1/..%2F..%2Flabelstudio.db")]
    [InlineData("/media/items/1/display%2F..%2F..%2Flabelstudio.db")]
    [InlineData("/media/items/..%2Flabelstudio.db/display")]
    public async Task UnknownItemsAndPathTricksAreNotFound(string url)
    {
        using var client = await SignedInClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ExportOfAnImageProjectNamesTheFileAndPathBesideTheLabel()
    {
        using var client = await SignedInClientAsync();
        var itemId = await ImportAndFindAsync(client, EmojiName);
        var projectId = await ProjectOfAsync(itemId);

        var csv = await client.GetStringAsync($"/projects/{projectId}/export.csv");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("file,path,width,height,", lines[0]);
        Assert.Contains(
            lines, line => line.StartsWith("shirt.png,shirt/shirt.png,4,4,shirt,", StringComparison.Ordinal));
    }

    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        return client;
    }

    /// <summary>Creates an image project, uploads a ZIP over HTTP as the import page does, and imports it.</summary>
    private async Task<long> ImportAndFindAsync(HttpClient client, string fileName)
    {
        var services = fixture.App.Services;
        var project = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectDraft
        {
            Name = $"Images {Guid.NewGuid():N}",
            DataKind = DataKind.Image,
            Classes = [new ClassDraft { Name = "shirt" }, new ClassDraft { Name = "shoe" }],
        }, userId: null, CancellationToken.None);

        using var body = new ByteArrayContent(MediaImports.Zip((fileName, Png(5, 3)), ("shirt/shirt.png", Png(4, 4))));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(
            HttpMethod.Post, $"/projects/{project.Id}/uploads?name=images.zip") { Content = body };
        request.Headers.Add("X-Upload", "1");
        var upload = await client.SendAsync(request);
        upload.EnsureSuccessStatusCode();
        var jobId = (await upload.Content.ReadFromJsonAsync<UploadAnswer>())!.JobId;

        await services.GetRequiredService<ImportJobService>().StartMediaAsync(
            jobId, new MediaImportRequest(null, LabelMode.ImportAsLabels, false), CancellationToken.None);
        var job = await MediaImports.WaitForAsync(services, jobId);
        Assert.Equal(JobStatus.Succeeded, job.Status);

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        return await db.ItemMedia.Where(m => m.ProjectId == project.Id && m.FileName == fileName)
            .Select(m => m.ItemId).SingleAsync();
    }

    private async Task<int> ProjectOfAsync(long itemId)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        return await db.ItemMedia.Where(m => m.ItemId == itemId).Select(m => m.ProjectId).SingleAsync();
    }

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 30, 60, 255));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private sealed record UploadAnswer(int JobId);
}
