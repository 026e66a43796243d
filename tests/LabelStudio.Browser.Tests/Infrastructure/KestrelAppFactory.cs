using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel socket, so a real browser can reach it: loopback only, a port the
/// OS picks, and its own data directory.
/// </summary>
internal sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory;

    public KestrelAppFactory(string dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "browser-tests-admin";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the data directory while it
        // registers services, before later configuration sources are applied.
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Images", "false");
        builder.UseSetting("Demo:Audio", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Keys in a temp folder are meant to be unencrypted; the warning would only clutter test output.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
    }
}
