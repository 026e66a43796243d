using System.Net;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheDocumentDescribesEveryApiPathWithTheBearerSchemeAndNothingElse()
    {
        using var client = fixture.App.CreateClient();

        var document = await (await client.GetAsync("/api/v1/openapi.json")).JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/projects", paths);
        Assert.Contains("/api/v1/projects/{projectId}/next", paths);
        Assert.Contains("/api/v1/projects/{projectId}/labels", paths);
        Assert.Contains("/api/v1/projects/{projectId}/imports/{jobId}", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }
}
