using System.Net;
using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Web.Tests.Api;

/// <summary>A token carries its user's project memberships, asked through ProjectAccess like the pages.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiMembershipTests(ApiFixture fixture)
{
    private const int Penguins = ApiFixture.DemoProjectId;

    [Theory]
    [InlineData("/api/v1/projects/1")]
    [InlineData("/api/v1/projects/1/models")]
    [InlineData("/api/v1/projects/1/labels")]
    [InlineData("/api/v1/projects/1/export.csv")]
    public async Task ANonMembersTokenFindsNoProjectToRead(string path)
    {
        using var outsider = await fixture.ClientAsync(ApiFixture.Lead, member: false);

        var problem = await (await outsider.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no project 1 you may see", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/projects/1/next")]
    [InlineData("/api/v1/projects/1/retrain")]
    [InlineData("/api/v1/projects/1/exports")]
    [InlineData("/api/v1/projects/1/imports?fileName=a.csv")]
    public async Task ANonMembersTokenCannotActOnTheProject(string path)
    {
        using var outsider = await fixture.ClientAsync(ApiFixture.Lead, member: false);

        await (await outsider.PostAsync(path, null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANonMemberDoesNotSeeTheProjectListed()
    {
        using var outsider = await fixture.ClientAsync(ApiFixture.Annotator, member: false);
        using var member = await fixture.ClientAsync(ApiFixture.Annotator);

        var outsiders = await (await outsider.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);
        var members = await (await member.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(outsiders.EnumerateArray(), p => p.GetProperty("id").GetInt32() == Penguins);
        Assert.Contains(members.EnumerateArray(), p => p.GetProperty("id").GetInt32() == Penguins);
    }

    [Fact]
    public async Task ADataScientistMemberExportsButDoesNotLabel()
    {
        using var scientist = await fixture.ClientAsync(ApiFixture.DataScientist);

        var export = await scientist.GetAsync($"/api/v1/projects/{Penguins}/export.csv");
        var next = await scientist.PostAsync($"/api/v1/projects/{Penguins}/next", null);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var problem = await next.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("annotators and leads", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAnnotatorMemberLabelsButDoesNotExport()
    {
        using var annotator = await fixture.ClientAsync(ApiFixture.Annotator);

        await annotator.NextItemAsync(Penguins);
        var export = await annotator.PostAsync($"/api/v1/projects/{Penguins}/exports", null);

        await export.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ATokenOfADataScientistAddedToAProjectLaterReachesIt()
    {
        using var lead = await fixture.ClientAsync(ApiFixture.Lead);
        var projectId = await ApiImportTests.CreateFruitProjectAsync(lead);
        var scientist = await fixture.UserAsync(ApiFixture.DataScientist);
        using var client = fixture.ClientWith((await fixture.TokenAsync(scientist, ApiTokenScope.Read)).Secret);
        await (await client.GetAsync($"/api/v1/projects/{projectId}/models")).ProblemAsync(HttpStatusCode.NotFound);

        await fixture.JoinAsync(projectId, scientist, ProjectRole.DataScientist);

        await (await client.GetAsync($"/api/v1/projects/{projectId}/models")).JsonAsync(HttpStatusCode.OK);
    }
}
