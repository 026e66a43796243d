using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LabelStudio.Web.Tests.Hosting;

/// <summary>
/// The real app on the in-memory test server, over its own SQLite file in <paramref name="dataDirectory"/>.
/// A null <paramref name="adminPassword"/> leaves the password empty so the first start generates one;
/// <paramref name="settings"/> overrides configuration keys such as "Api:PermitsPerMinute".
/// </summary>
public sealed class AppFactory(
    string dataDirectory, string? adminPassword, bool seedDemo, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "lead@labelstudio.test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", adminPassword ?? "");
        builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
        builder.UseSetting("Demo:Images", "false");
        builder.UseSetting("Demo:Audio", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddStrictQueries());
    }

    /// <summary>A client that keeps cookies but shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
