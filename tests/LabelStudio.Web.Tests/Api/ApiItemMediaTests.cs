using System.Net;
using System.Net.Http.Headers;
using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Web.Tests.Api;

/// <summary>
/// An item's files fetched with a token, under the rules of the pages' media URLs: members of the item's
/// project get the stored bytes, read tokens included; anyone else, and unknown items, a 404 problem.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiItemMediaTests(ApiFixture fixture)
{
    private readonly ApiMediaProjects _projects = new(fixture);

    [Theory]
    [InlineData("original")]
    [InlineData("display")]
    [InlineData("thumb")]
    public async Task AMembersTokenGetsTheStoredBytesOfEachImageVariant(string variant)
    {
        using var project = await _projects.CreateAsync("image", ApiMediaProjects.Image);
        var lead = project.Lead;
        var (_, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);

        using var response = await lead.GetAsync($"/api/v1/items/{itemId}/media/{variant}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await _projects.StoredAsync(itemId, variant), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheOriginalIsTheImportedFileNamedInContentDisposition()
    {
        using var project = await _projects.CreateAsync("image", ApiMediaProjects.Image);
        var lead = project.Lead;
        var (_, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);

        using var response = await lead.GetAsync($"/api/v1/items/{itemId}/media/original");

        Assert.Equal(ApiMediaProjects.Image.Content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("003.png", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task AReadOnlyTokenOfAMemberMayFetchMedia()
    {
        using var project = await _projects.CreateAsync("image", ApiMediaProjects.Image);
        var lead = project.Lead;
        var (_, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);
        var reader = await fixture.UserAsync(ApiFixture.DataScientist);
        await fixture.JoinAsync(project.Id, reader, ProjectRole.DataScientist);
        var (_, secret) = await fixture.TokenAsync(reader, ApiTokenScope.Read);
        using var client = fixture.ClientWith(secret);

        using var response = await client.GetAsync($"/api/v1/items/{itemId}/media/display");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await _projects.StoredAsync(itemId, "display"), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("original")]
    [InlineData("display")]
    [InlineData("thumb")]
    public async Task ANonMembersTokenGetsNotFoundAsForAnItemThatDoesNotExist(string variant)
    {
        using var project = await _projects.CreateAsync("image", ApiMediaProjects.Image);
        var lead = project.Lead;
        var (_, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);
        using var outsider = await fixture.ClientAsync(ApiFixture.Lead, member: false);

        using var refused = await outsider.GetAsync($"/api/v1/items/{itemId}/media/{variant}");
        using var unknown = await lead.GetAsync($"/api/v1/items/{long.MaxValue}/media/{variant}");

        var problem = await refused.ProblemAsync(HttpStatusCode.NotFound);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        var article = variant == "original" ? "an" : "a";
        Assert.Equal(
            $"There is no item {itemId} with {article} {variant} file that you may see.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AClipsDisplayWavIsServedInTheRequestedRange()
    {
        using var project = await _projects.CreateAsync("audio", ApiMediaProjects.Clip);
        var lead = project.Lead;
        var (_, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/items/{itemId}/media/display");
        request.Headers.Range = new RangeHeaderValue(100, 199);

        using var response = await lead.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var whole = await _projects.StoredAsync(itemId, "display");
        Assert.Equal((100L, 199L, whole.LongLength),
            (response.Content.Headers.ContentRange?.From, response.Content.Headers.ContentRange?.To,
             response.Content.Headers.ContentRange?.Length));
        Assert.Equal(whole[100..200], await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("waveform")]
    [InlineData("spectrogram")]
    public async Task AClipsPicturesAreServed(string variant)
    {
        using var project = await _projects.CreateAsync("audio", ApiMediaProjects.Clip);
        var lead = project.Lead;
        var (_, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);

        using var response = await lead.GetAsync($"/api/v1/items/{itemId}/media/{variant}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await _projects.StoredAsync(itemId, variant), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AQueryParameterTheMediaCallDoesNotTakeIsRefusedByName()
    {
        using var project = await _projects.CreateAsync("image", ApiMediaProjects.Image);
        var lead = project.Lead;
        var (_, itemId) = await ApiMediaProjects.LeaseAsync(lead, project.Id);

        using var response = await lead.GetAsync($"/api/v1/items/{itemId}/media/display?download=true");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("takes no query parameters", problem.FieldErrors("download")[0]);
    }
}
