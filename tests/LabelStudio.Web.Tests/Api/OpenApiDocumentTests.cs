using System.Net;
using System.Text.RegularExpressions;
using LabelStudio.Web.Features.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task EveryOperationDocumentsExactlyTheQueryParametersItTakes()
    {
        using var client = fixture.App.CreateClient();

        var document = await (await client.GetAsync("/api/v1/openapi.json")).JsonAsync(HttpStatusCode.OK);

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (
                Key: $"{operation.Name.ToUpperInvariant()} {path.Name}",
                Query: (operation.Value.TryGetProperty("parameters", out var parameters)
                        ? parameters.EnumerateArray()
                            .Where(p => p.GetProperty("in").GetString() == "query")
                            .Select(p => p.GetProperty("name").GetString()!)
                        : [])
                    .Order()
                    .ToList())))
            .ToDictionary(o => o.Key, o => o.Query);
        var taken = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/"))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => (
                Key: $"{method} {Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}",
                Query: (e.Metadata.GetMetadata<ApiQueryParameters>()?.Names ?? []).Order().ToList())))
            .ToDictionary(o => o.Key, o => o.Query);
        Assert.Equal(taken.Keys.Order(), documented.Keys.Order());
        Assert.All(taken, call => Assert.Equal(call.Value, documented[call.Key]));
        Assert.Equal(["after", "limit"], taken["GET /api/v1/projects/{projectId}/labels"]);
    }

    [Fact]
    public async Task EveryOperationMayAnswerAValidationProblemAndJsonBodiesAnUnsupportedMediaType()
    {
        using var client = fixture.App.CreateClient();

        var document = await (await client.GetAsync("/api/v1/openapi.json")).JsonAsync(HttpStatusCode.OK);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => operation.Value))
            .ToList();
        Assert.All(operations, o => Assert.True(o.GetProperty("responses").TryGetProperty("400", out _)));
        var jsonBodies = operations.Where(o => o.TryGetProperty("requestBody", out var body)
            && body.GetProperty("content").TryGetProperty("application/json", out _)).ToList();
        Assert.Equal(3, jsonBodies.Count);
        Assert.All(jsonBodies, o => Assert.True(o.GetProperty("responses").TryGetProperty("415", out _)));
    }
}
