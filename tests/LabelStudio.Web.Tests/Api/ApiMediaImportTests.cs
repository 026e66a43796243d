using System.IO.Compression;
using System.Net;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Web.Tests.Api;

/// <summary>Image and audio ZIP imports through the API, with the page's choices, every parameter checked.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiMediaImportTests(ApiFixture fixture)
{
    [Fact]
    public async Task AnImageZipWithABadFileImportsTheGoodOnesWhenAskedToSkipBadFiles()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var created = await (await client.PostJsonAsync("/api/v1/projects", new
        {
            name = $"Pets {Guid.NewGuid():N}",
            classes = new[] { "cat", "dog" },
            kind = "image",
        })).JsonAsync(HttpStatusCode.Created);
        var projectId = created.GetProperty("id").GetInt32();

        var job = await ImportZipAsync(client, projectId, "&skipBadFiles=true&classFolders=labels");

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("importedCount").GetInt32());
        var project = await (await client.GetAsync($"/api/v1/projects/{projectId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, project.GetProperty("labeledCount").GetInt32());
    }

    [Theory]
    [InlineData("&badFiles=skip", "badFiles", "is not a parameter")]
    [InlineData("&idColumn=id", "idColumn", "only to table projects")]
    [InlineData("&skipBadFiles=yes", "skipBadFiles", "not true or false")]
    public async Task AnUnknownOrMisplacedImportParameterIsRefusedByName(string query, string name, string says)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var created = await (await client.PostJsonAsync("/api/v1/projects", new
        {
            name = $"Pets {Guid.NewGuid():N}",
            classes = new[] { "cat", "dog" },
            kind = "image",
        })).JsonAsync(HttpStatusCode.Created);

        using var body = new ByteArrayContent(Zip());
        var response = await client.PostAsync(
            $"/api/v1/projects/{created.GetProperty("id").GetInt32()}/imports?fileName=pets.zip{query}", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(says, problem.FieldErrors(name)[0]);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsEveryImportParameter()
    {
        using var client = fixture.App.CreateClient();

        var document = await (await client.GetAsync("/api/v1/openapi.json")).JsonAsync(HttpStatusCode.OK);

        var imports = document.GetProperty("paths").GetProperty("/api/v1/projects/{projectId}/imports")
            .GetProperty("post").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(
            ["projectId", "fileName", "idColumn", "labelColumn", "labelMode", "features", "addMissingClasses",
             "skipBadFiles", "classFolders"],
            imports);
    }

    private static async Task<System.Text.Json.JsonElement> ImportZipAsync(
        HttpClient client, int projectId, string query)
    {
        using var body = new ByteArrayContent(Zip());
        var response = await client.PostAsync($"/api/v1/projects/{projectId}/imports?fileName=pets.zip{query}", body);
        var job = await response.JsonAsync(HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (job.GetProperty("status").GetString() is "queued" or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            job = await (await client.GetAsync(response.Headers.Location)).JsonAsync(HttpStatusCode.OK);
        }
        return job;
    }

    /// <summary>A cat, a dog and one file that only claims to be an image.</summary>
    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "cat/1.png", Png(new Rgba32(200, 30, 60, 255)));
            Add(zip, "dog/2.png", Png(new Rgba32(30, 60, 200, 255)));
            Add(zip, "dog/broken.png", "not an image"u8.ToArray());
        }
        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(content);
    }

    private static byte[] Png(Rgba32 colour)
    {
        using var image = new Image<Rgba32>(16, 16, colour);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
