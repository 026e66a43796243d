using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabelStudio.Web.Tests.Api;

/// <summary>Small HTTP helpers for the API tests: JSON in, JSON out, problems read back.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The problem body of an error answer, after checking its status and media type.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The messages a validation problem gives for one field.</summary>
    public static string[] FieldErrors(this JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    /// <summary>Polls the next-item call until the demo import has filled the queue.</summary>
    public static async Task<JsonElement> NextItemAsync(this HttpClient client, int projectId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.PostAsync($"/api/v1/projects/{projectId}/next", null);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return await response.JsonAsync(HttpStatusCode.OK);
            }
            await Task.Delay(100);
        }
    }
}
