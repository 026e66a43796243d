using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiProjectsTests(ApiFixture fixture)
{
    [Fact]
    public async Task ListShowsTheDemoProject()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);

        var projects = await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        Assert.Contains(projects.EnumerateArray(), p => p.GetProperty("name").GetString() == "Penguins");
    }

    [Fact]
    public async Task ALeadCreatesAProjectAndGetsItBack()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var name = $"Fruit {Guid.NewGuid():N}";

        var response = await client.PostJsonAsync(
            "/api/v1/projects", new { name, classes = new[] { "apple", "pear" }, roundSize = 5, strategy = "entropy" });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var fetched = await (await client.GetAsync(response.Headers.Location)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(name, fetched.GetProperty("name").GetString());
        Assert.Equal(created.GetProperty("id").GetInt32(), fetched.GetProperty("id").GetInt32());
        Assert.Equal(["apple", "pear"], fetched.GetProperty("classes").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("entropy", fetched.GetProperty("strategy").GetString());
        Assert.Equal(5, fetched.GetProperty("roundSize").GetInt32());
    }

    [Fact]
    public async Task AnAnnotatorMayNotCreateProjects()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);

        var response = await client.PostJsonAsync(
            "/api/v1/projects", new { name = "Nope", classes = new[] { "a", "b" } });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnInvalidProjectIsRefusedWithEveryFieldNamed()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.PostJsonAsync(
            "/api/v1/projects", new { name = " ", classes = new[] { "only" }, roundSize = 0, strategy = "psychic" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["classes", "name", "roundSize", "strategy"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("psychic", problem.FieldErrors("strategy")[0]);
    }

    [Fact]
    public async Task ADuplicateNameIsRefusedOnTheNameField()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.PostJsonAsync(
            "/api/v1/projects", new { name = "Penguins", classes = new[] { "a", "b" } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already exists", problem.FieldErrors("name")[0]);
    }

    [Fact]
    public async Task AMalformedBodyIsRefusedNamingTheFieldThatCannotBeRead()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        using var body = new StringContent("""{"name": "x", "roundSize": "many"}""", Encoding.UTF8, "application/json");

        var problem = await (await client.PostAsync("/api/v1/projects", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("roundSize"));
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedBeforeItIsRead()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        var huge = new { name = new string('x', 100_000), classes = new[] { "a", "b" } };

        var response = await client.PostAsJsonAsync("/api/v1/projects", huge);

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("64 KB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AProjectThatDoesNotExistIsNotFound()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var problem = await (await client.GetAsync("/api/v1/projects/999")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("999", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AFormPostIsRefusedWithAProblemAskingForJson()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" });

        var response = await client.PostAsync("/api/v1/projects", form);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
