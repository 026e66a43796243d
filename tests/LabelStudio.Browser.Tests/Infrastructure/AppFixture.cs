using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Teams;
using LabelStudio.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>
/// One running app (with the Penguins demo seeded into a fresh temp directory) and one chromium per
/// test class. Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"labelstudio-browser-{Guid.NewGuid():N}");
    private KestrelAppFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int userCount;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => factory!.Services;

    public static Credentials Admin { get; } = new(KestrelAppFactory.AdminEmail, KestrelAppFactory.AdminPassword);

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        factory = new KestrelAppFactory(dataDirectory);
        factory.StartServer();
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>A fresh browser context: no cookies, downloads allowed, relative URLs on this app.</summary>
    public async Task<IPage> NewPageAsync(int viewportHeight = 860)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = viewportHeight },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A new annotator account, so tests that share this app keep their own label history; a member of
    /// every project so far (the seeded demo).
    /// </summary>
    public async Task<Credentials> CreateAnnotatorAsync()
    {
        var number = Interlocked.Increment(ref userCount);
        var credentials = new Credentials($"annotator{number}@example.com", $"annotator-{number}-password");

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = credentials.Email,
            Email = credentials.Email,
            DisplayName = $"Annotator {number}",
        };
        Check(await users.CreateAsync(user, credentials.Password));
        Check(await users.AddToRoleAsync(user, Roles.Annotator));
        var members = Services.GetRequiredService<MemberService>();
        foreach (var project in await Services.GetRequiredService<ProjectService>().ListAsync(null, default))
        {
            await members.AddAsync(project.Id, credentials.Email, ProjectRole.Annotator, null, default);
        }
        return credentials;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        await DeleteAsync(dataDirectory);
    }

    /// <summary>
    /// A background job stopped with the host may still be finishing its last file write (a model, an
    /// export) for a moment on a loaded machine, which makes a recursive delete meet a new file.
    /// </summary>
    private static async Task DeleteAsync(string folder)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}

public sealed record Credentials(string Email, string Password);
