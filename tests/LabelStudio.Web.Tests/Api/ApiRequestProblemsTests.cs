using System.Net;
using System.Text;

namespace LabelStudio.Web.Tests.Api;

/// <summary>Requests the API cannot take are refused with a problem that names what was wrong and what fits.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiRequestProblemsTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("""{"format":"csv","bogus":1}""", "bogus")]
    [InlineData("""{"format":"csv","includePrediction":true}""", "includePrediction")]
    public async Task AnUnknownPropertyIsRefusedByName(string body, string field)
    {
        using var client = await fixture.ClientAsync(ApiFixture.DataScientist);

        var response = await PostRawJsonAsync(client, "/api/v1/projects/1/exports", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.FieldErrors(field)[0];
        Assert.Contains($"'{field}' is not a field of this request", message);
        Assert.Contains("includePredictions", message);
    }

    [Fact]
    public async Task AnUnknownPropertyOnAProjectIsRefusedToo()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await PostRawJsonAsync(
            client, "/api/v1/projects", """{"name":"x","classes":["a","b"],"roundSise":5}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'roundSise' is not a field", problem.FieldErrors("roundSise")[0]);
    }

    [Fact]
    public async Task AnUnknownEnumValueListsTheValidOnes()
    {
        using var client = await fixture.ClientAsync(ApiFixture.DataScientist);

        var response = await PostRawJsonAsync(client, "/api/v1/projects/1/exports", """{"format":"xlsx"}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.FieldErrors("format")[0];
        Assert.Contains("csv, json-lines, parquet, label-studio, media-folder", message);
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("limit=lots", "limit")]
    public async Task ANonNumericPagingParameterIsNamed(string query, string parameter)
    {
        using var client = await fixture.ClientAsync(ApiFixture.DataScientist);

        var response = await client.GetAsync($"/api/v1/projects/1/labels?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("whole number", problem.FieldErrors(parameter)[0]);
    }

    [Theory]
    [InlineData("GET", "/api/v1/projects/1/labels?sinse=5", "sinse", "after, limit")]
    [InlineData("GET", "/api/v1/projects/1/labels?after=0&limt=5", "limt", "after, limit")]
    [InlineData("GET", "/api/v1/projects?mine=true", "mine", null)]
    [InlineData("GET", "/api/v1/projects/1?verbose=true", "verbose", null)]
    [InlineData("GET", "/api/v1/projects/1/models?page=2", "page", null)]
    [InlineData("GET", "/api/v1/projects/1/export.csv?format=tsv", "format", null)]
    [InlineData("GET", "/api/v1/projects/1/imports/1?wait=true", "wait", null)]
    [InlineData("POST", "/api/v1/projects/1/exports?format=parquet", "format", null)]
    [InlineData("POST", "/api/v1/projects/1/next?count=2", "count", null)]
    public async Task AnUnknownQueryParameterIsRefusedByNameOnEveryCall(
        string method, string pathAndQuery, string parameter, string? accepted)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), pathAndQuery));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.FieldErrors(parameter)[0];
        Assert.Contains($"'{parameter}' is not a parameter of this call", message);
        Assert.Contains(accepted is null ? "takes no query parameters" : $"its parameters are {accepted}", message);
    }

    [Fact]
    public async Task TheOpenApiDocumentStillGivesThePagingParametersAsIntegers()
    {
        using var client = fixture.App.CreateClient();

        var document = await (await client.GetAsync("/api/v1/openapi.json")).JsonAsync(HttpStatusCode.OK);

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/projects/{projectId}/labels")
            .GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        Assert.Equal("integer", parameters["after"].GetProperty("type").GetString());
        Assert.Equal("integer", parameters["limit"].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/projects/1/next")]
    [InlineData("GET", "/api/v1/projects/1/retrain")]
    [InlineData("DELETE", "/api/v1/projects/1/labels")]
    public async Task AWrongMethodOnAKnownCallIsNotAllowedRatherThanNotFound(string method, string path)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal($"{path} does not answer {method}.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AWrongContentTypeSaysWhichOneIsExpected()
    {
        using var client = await fixture.ClientAsync(ApiFixture.DataScientist);
        using var body = new StringContent("""{"format":"csv"}""", Encoding.UTF8, "text/plain");

        var response = await client.PostAsync("/api/v1/projects/1/exports", body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/projects", """{"name":"x","classes":["a","b"]}""")]
    [InlineData("/api/v1/projects/1/labels", """{"itemId":1,"skip":true}""")]
    [InlineData("/api/v1/projects/1/exports", """{"format":"csv"}""")]
    public async Task AJsonBodyWithoutAContentTypeIsRefusedAsUnsupported(string path, string json)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(json));

        var response = await client.PostAsync(path, body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnExportWithNoBodyNeedsNoContentType()
    {
        using var client = await fixture.ClientAsync(ApiFixture.DataScientist);

        var response = await client.PostAsync("/api/v1/projects/1/exports", null);

        await response.JsonAsync(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("/api/v1/projects", """{"name":"x","classes":["a","b"],"roundSize":"high"}""",
        "roundSize", "expected a whole number")]
    [InlineData("/api/v1/projects", """{"name":"x","classes":"a"}""", "classes", "expected an array of strings")]
    [InlineData("/api/v1/projects", """{"name":"x","classes":["a",2]}""", "classes[1]", "expected a string")]
    [InlineData("/api/v1/projects", """{"name":7,"classes":["a","b"]}""", "name", "expected a string")]
    [InlineData("/api/v1/projects/1/labels", """{"itemId":"abc"}""", "itemId", "expected a whole number")]
    [InlineData("/api/v1/projects/1/labels", """{"itemId":1,"skip":"yes"}""", "skip", "expected true or false")]
    [InlineData("/api/v1/projects/1/labels", """{"itemId":1,"secondsSpent":[]}""", "secondsSpent",
        "expected a number")]
    [InlineData("/api/v1/projects/1/exports", """{"minimumAgreement":"high"}""", "minimumAgreement",
        "expected a number")]
    [InlineData("/api/v1/projects/1/exports", """{"includeSkipped":1}""", "includeSkipped", "expected true or false")]
    public async Task AValueOfTheWrongTypeIsNamedByItsPathWithTheTypeExpected(
        string path, string json, string field, string expected)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await PostRawJsonAsync(client, path, json);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith(expected, problem.FieldErrors(field)[0]);
        Assert.Contains($"{field}: {expected}", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1e12")]
    [InlineData("86401")]
    public async Task SecondsSpentOutsideADayIsRefusedByName(string seconds)
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);

        var response = await PostRawJsonAsync(
            client, "/api/v1/projects/1/labels", $$"""{"itemId":1,"class":"Adelie","secondsSpent":{{seconds}}}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("secondsSpent must be between 0 and 86,400 (a day).", problem.FieldErrors("secondsSpent")[0]);
    }

    [Fact]
    public async Task BrokenJsonIsNamedAsSuchWithWhereItBreaks()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        const string json = """
            {"name": "x",
             "classes": ["a" "b"]}
            """;

        var response = await PostRawJsonAsync(client, "/api/v1/projects", json);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.FieldErrors("body")[0];
        Assert.Contains("not valid JSON", message);
        Assert.Contains("line 2", message);
    }

    private static Task<HttpResponseMessage> PostRawJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
