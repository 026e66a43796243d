using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LabelStudio.Cli.Remote;

/// <summary>
/// The few REST API calls the CLI makes. Every failure becomes one line: what the server said (its
/// problem detail) or why it could not be reached; a refusal the user can fix (a wrong token, a
/// project they may not see) is input, a server that is down or failing is the server.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly Uri _server;

    public ApiClient(Uri server, string token)
    {
        _server = server;
        _http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("labelstudio-cli/1");
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return await ReadJsonAsync(response, ct);
    }

    public async Task<JsonElement> PostJsonAsync(string path, string json, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await SendAsync(request, ct);
        return await ReadJsonAsync(response, ct);
    }

    /// <summary>Streams the answer into <paramref name="file"/> under a temporary name, then renames it.</summary>
    public async Task DownloadAsync(string path, string file, CancellationToken ct)
    {
        var partial = file + ".partial";
        try
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
            await using (var target = File.Create(partial))
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await body.CopyToAsync(target, ct);
            }
            File.Move(partial, file, overwrite: true);
        }
        catch (HttpIOException e)
        {
            throw new CliServerException($"the download from {_server} broke off: {e.Message}");
        }
        catch (IOException e)
        {
            throw new CliInputException($"--output: cannot write '{file}': {e.Message}");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new CliServerException($"cannot reach the server at {_server}: {e.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliServerException(
                $"the server at {_server} did not answer within {RequestTimeout.TotalSeconds:0} s");
        }
        finally
        {
            request.Dispose();
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var detail = await ProblemDetailAsync(response, ct);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new CliInputException($"the server refused the token: {detail}"),
                HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                    or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => new CliInputException(detail),
                _ => new CliServerException(
                    $"the server at {_server} answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}"),
            };
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliServerException(
                $"{response.RequestMessage?.RequestUri} did not answer with JSON; is --server a LabelStudio?");
        }
    }

    /// <summary>The problem body's detail (RFC 7807), or the status line when the body says nothing.</summary>
    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var fallback = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            using var problem = JsonDocument.Parse(text);
            return problem.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { } words
                ? words
                : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
