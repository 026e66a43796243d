using System.Net;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task HealthAnswersOkWithoutLoggingIn()
    {
        using var data = new TempDirectory();
        await using var app = new AppFactory(data.Path, "a-long-test-password", seedDemo: false);
        using var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(data.Path, "labelstudio.db")));
        Assert.True(Directory.Exists(Path.Combine(data.Path, "keys")));
    }
}
