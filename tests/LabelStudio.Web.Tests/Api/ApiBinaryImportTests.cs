using System.IO.Compression;
using System.Net;
using System.Text;
using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Api;

/// <summary>
/// A file the project's kind cannot take is refused when it is sent, naming the file and why, and no
/// import job is made: not accepted with 202 only to fail inside the worker.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiBinaryImportTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("fruit.zip", "zip", "a ZIP archive")]
    [InlineData("photo.png", "png", "a PNG image")]
    [InlineData("fruit.csv", "png", "a PNG image")]
    [InlineData("fruit.xlsx", "zip", "spreadsheet workbook")]
    public async Task ABinaryFileSentToATableProjectIsRefusedBeforeAnyJob(string fileName, string content, string why)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(client);
        using var body = new ByteArrayContent(content == "zip" ? Zip() : Png());

        var response = await client.PostAsync($"/api/v1/projects/{projectId}/imports?fileName={fileName}", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains($"'{fileName}'", detail);
        Assert.Contains(why, detail);
        Assert.Equal(0, await ImportJobCountAsync(projectId));
    }

    [Fact]
    public async Task AFileThatIsNotAZipSentToAnImageProjectIsRefusedBeforeAnyJob()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var created = await (await client.PostJsonAsync("/api/v1/projects", new
        {
            name = $"Pets {Guid.NewGuid():N}",
            classes = new[] { "cat", "dog" },
            kind = "image",
        })).JsonAsync(HttpStatusCode.Created);
        var projectId = created.GetProperty("id").GetInt32();
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes("id,weight\na,150\n"));

        var response = await client.PostAsync($"/api/v1/projects/{projectId}/imports?fileName=pets.zip", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("'pets.zip'", detail);
        Assert.Contains("not a ZIP archive", detail);
        Assert.Equal(0, await ImportJobCountAsync(projectId));
    }

    [Fact]
    public async Task ATextTableLargerThanTheSniffedStartStillImportsWhole()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(client);
        var (csv, _) = FruitTable.Make(5000);

        var job = await ApiImportTests.ImportAsync(client, projectId, csv, "fruit.csv", "&idColumn=id");

        Assert.True(Encoding.UTF8.GetByteCount(csv) > 64 * 1024);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(5000, job.GetProperty("importedCount").GetInt32());
    }

    private async Task<int> ImportJobCountAsync(int projectId)
    {
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.ImportJobs.CountAsync(j => j.ProjectId == projectId);
    }

    private static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("fruit.csv").Open());
            entry.Write("id,weight\na,150\n");
        }
        return buffer.ToArray();
    }

    private static byte[] Png() => [0x89, .. "PNG\r\n\u001a\n"u8, .. new byte[64]];
}
