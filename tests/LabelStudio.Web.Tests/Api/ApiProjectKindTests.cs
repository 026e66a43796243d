using System.Net;

namespace LabelStudio.Web.Tests.Api;

/// <summary>Image and audio projects through the API: created with their kind, which every answer shows.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiProjectKindTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("image")]
    [InlineData("audio")]
    [InlineData("table")]
    public async Task AProjectIsCreatedWithTheKindAskedForAndShowsIt(string kind)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.PostJsonAsync("/api/v1/projects", new
        {
            name = $"Kinds {Guid.NewGuid():N}",
            classes = new[] { "cat", "dog" },
            kind,
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var fetched = await (await client.GetAsync(response.Headers.Location)).JsonAsync(HttpStatusCode.OK);

        var listed = await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(kind, created.GetProperty("kind").GetString());
        Assert.Equal(kind, fetched.GetProperty("kind").GetString());
        Assert.Equal(kind, listed.EnumerateArray()
            .Single(p => p.GetProperty("id").GetInt32() == created.GetProperty("id").GetInt32())
            .GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AnUnknownKindIsRefusedListingTheValidOnes()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.PostJsonAsync(
            "/api/v1/projects", new { name = "Video", classes = new[] { "a", "b" }, kind = "video" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("table, image, audio", problem.FieldErrors("kind")[0]);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1)]
    [InlineData("-1")]
    public async Task AKindGivenAsANumberIsRefusedAndNoProjectIsMade(object kind)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var name = $"Numbered {Guid.NewGuid():N}";

        var response = await client.PostJsonAsync(
            "/api/v1/projects", new { name, classes = new[] { "a", "b" }, kind });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("table, image, audio", problem.FieldErrors("kind")[0]);
        var listed = await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(listed.EnumerateArray(), p => p.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task TheOpenApiDocumentShowsTheProjectKind()
    {
        using var client = fixture.App.CreateClient();

        var document = await (await client.GetAsync("/api/v1/openapi.json")).JsonAsync(HttpStatusCode.OK);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ProjectResponse").GetProperty("properties").TryGetProperty("kind", out _));
        Assert.True(
            schemas.GetProperty("CreateProjectRequest").GetProperty("properties").TryGetProperty("kind", out _));
    }
}
