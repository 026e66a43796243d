using System.Net;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiModelsTests(ApiFixture fixture)
{
    [Fact]
    public async Task ALeadsRetrainRequestIsAcceptedAndRecorded()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.PostAsync("/api/v1/projects/1/retrain", null);

        await response.JsonAsync(HttpStatusCode.Accepted);
        Assert.EndsWith("/api/v1/projects/1/models", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnAnnotatorMaySeeModelsButNotAskForARetrain()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);

        var models = await client.GetAsync("/api/v1/projects/1/models");
        var retrain = await client.PostAsync("/api/v1/projects/1/retrain", null);

        Assert.Equal(System.Text.Json.JsonValueKind.Array, (await models.JsonAsync(HttpStatusCode.OK)).ValueKind);
        var problem = await retrain.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("leads", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ModelsOfAProjectThatDoesNotExistAreNotFound()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        await (await client.GetAsync("/api/v1/projects/4040/models")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
