using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Import;

public sealed class UploadLimitTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private AppFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(_data.Path, AppFixture.AdminPassword, seedDemo: true,
            new Dictionary<string, string> { ["Storage:MaxUploadBytes"] = "65536" });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnUploadOverTheLimitIsRefusedWithAMessageNamingTheFileItsSizeAndTheLimit()
    {
        using var client = _app.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/projects/1/uploads?name=huge220.csv")
        {
            Content = new ByteArrayContent(new byte[100 * 1024]),
        };
        request.Headers.Add("X-Upload", "1");

        var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(
            "huge220.csv is 100 KB, over the upload limit of 64 KB; nothing was uploaded.",
            problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(
            Directory.EnumerateFiles(Path.Combine(_data.Path, "uploads")), f => new FileInfo(f).Length > 65536);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
