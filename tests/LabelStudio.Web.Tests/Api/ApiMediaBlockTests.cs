using System.Net;
using System.Text.Json;

namespace LabelStudio.Web.Tests.Api;

/// <summary>
/// The item answers of a media project (next item, a recorded label, the label list) say what the file
/// is and where to fetch it, and the URLs they give work with the same token; table items carry null.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiMediaBlockTests(ApiFixture fixture)
{
    private readonly ApiMediaProjects _projects = new(fixture);

    [Fact]
    public async Task NextGivesAnImagesFileSizeAndWorkingUrls()
    {
        using var project = await _projects.CreateAsync("image", ApiMediaProjects.Image);
        var lead = project.Lead;

        var (next, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);

        var media = next.GetProperty("media");
        Assert.Equal(
            ("image", "003.png", "sub/003.png", "image/png", 40, 30, ApiMediaProjects.Image.Content.LongLength),
            (media.GetProperty("kind").GetString(), media.GetProperty("fileName").GetString(),
             media.GetProperty("path").GetString(), media.GetProperty("contentType").GetString(),
             media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32(),
             media.GetProperty("byteSize").GetInt64()));
        Assert.Equal(JsonValueKind.Null, media.GetProperty("durationSeconds").ValueKind);
        var urls = media.GetProperty("urls");
        Assert.Equal($"/api/v1/items/{itemId}/media/display", urls.GetProperty("display").GetString());
        Assert.Equal(JsonValueKind.Null, urls.GetProperty("spectrogram").ValueKind);
        await AssertServedAsync(lead, itemId, urls, ("original", "original"), ("display", "display"),
            ("thumbnail", "thumb"));
    }

    [Fact]
    public async Task NextGivesAClipsDurationAndWorkingUrls()
    {
        using var project = await _projects.CreateAsync("audio", ApiMediaProjects.Clip);
        var lead = project.Lead;

        var (next, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);

        var media = next.GetProperty("media");
        Assert.Equal(("audio", "a.wav", "tones/a.wav", "audio/wav", 1.0),
            (media.GetProperty("kind").GetString(), media.GetProperty("fileName").GetString(),
             media.GetProperty("path").GetString(), media.GetProperty("contentType").GetString(),
             media.GetProperty("durationSeconds").GetDouble()));
        Assert.Equal(JsonValueKind.Null, media.GetProperty("width").ValueKind);
        await AssertServedAsync(lead, itemId, media.GetProperty("urls"), ("original", "original"),
            ("display", "display"), ("thumbnail", "waveform"), ("spectrogram", "spectrogram"));
    }

    [Fact]
    public async Task NextInATableProjectHasNoMedia()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);

        var next = await client.NextItemAsync(ApiFixture.DemoProjectId);

        Assert.Equal(JsonValueKind.Null, next.GetProperty("media").ValueKind);
        Assert.True(next.GetProperty("fields").TryGetProperty("Island", out _));
    }

    [Fact]
    public async Task ARecordedLabelAndTheLabelListCarryTheItemsMedia()
    {
        using var project = await _projects.CreateAsync("image", ApiMediaProjects.Image);
        var lead = project.Lead;
        var (next, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);

        var label = await (await lead.PostJsonAsync($"/api/v1/projects/{project.Id}/labels", new
        {
            itemId,
            leaseId = next.GetProperty("leaseId").GetInt64(),
            @class = "yes",
        })).JsonAsync(HttpStatusCode.Created);
        var page = await (await lead.GetAsync($"/api/v1/projects/{project.Id}/labels")).JsonAsync(HttpStatusCode.OK);

        var listed = page.GetProperty("labels").EnumerateArray()
            .Single(l => l.GetProperty("itemId").GetInt64() == itemId);
        var original = $"/api/v1/items/{itemId}/media/original";
        Assert.Equal(original, label.GetProperty("media").GetProperty("urls").GetProperty("original").GetString());
        Assert.Equal(original, listed.GetProperty("media").GetProperty("urls").GetProperty("original").GetString());
        Assert.Equal("sub/003.png", listed.GetProperty("media").GetProperty("path").GetString());
    }

    [Fact]
    public async Task AClassFolderKeptAsHiddenTruthIsInNoPathTheMediaBlockGives()
    {
        var answerInFolder = ("yes/003.png", ApiMediaProjects.Image.Content);
        using var project = await _projects.CreateAsync("image", answerInFolder, "&classFolders=hidden");
        var lead = project.Lead;

        var (next, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);
        var label = await (await lead.PostJsonAsync($"/api/v1/projects/{project.Id}/labels", new
        {
            itemId,
            leaseId = next.GetProperty("leaseId").GetInt64(),
            @class = "no",
        })).JsonAsync(HttpStatusCode.Created);
        var page = await (await lead.GetAsync($"/api/v1/projects/{project.Id}/labels")).JsonAsync(HttpStatusCode.OK);

        var listed = page.GetProperty("labels").EnumerateArray()
            .Single(l => l.GetProperty("itemId").GetInt64() == itemId);
        string?[] paths =
        [
            next.GetProperty("media").GetProperty("path").GetString(),
            label.GetProperty("media").GetProperty("path").GetString(),
            listed.GetProperty("media").GetProperty("path").GetString(),
        ];
        Assert.All(paths, path => Assert.Equal("003.png", path));
        Assert.DoesNotContain("yes/", next.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheMediaCallsAndTheMediaBlock()
    {
        using var client = fixture.App.CreateClient();

        var document = await (await client.GetAsync("/api/v1/openapi.json")).JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        foreach (var variant in new[] { "original", "display", "thumb", "waveform", "spectrogram" })
        {
            var get = paths.GetProperty($"/api/v1/items/{{itemId}}/media/{variant}").GetProperty("get");
            Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("NextItemResponse").GetProperty("properties").TryGetProperty("media", out _));
        Assert.True(schemas.GetProperty("ItemMediaResponse").GetProperty("properties").TryGetProperty("urls", out _));
    }

    /// <summary>Each URL of the block answers the stored file of the variant it names.</summary>
    private async Task AssertServedAsync(
        HttpClient client, long itemId, JsonElement urls, params (string Url, string Variant)[] expected)
    {
        foreach (var (url, variant) in expected)
        {
            using var response = await client.GetAsync(urls.GetProperty(url).GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(await _projects.StoredAsync(itemId, variant), await response.Content.ReadAsByteArrayAsync());
        }
    }
}
