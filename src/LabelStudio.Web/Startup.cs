using LabelStudio.Core.Data;
using LabelStudio.Core.Teams;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Features.Demo;

namespace LabelStudio.Web;

internal static class Startup
{
    /// <summary>Schema, roles, the first admin and the demo projects, before the app takes requests.</summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var firstStart = await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync();
        if (firstStart)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        // Projects without a lead (the demo, and those made before projects had members) are led by their
        // creator, or else by the first admin.
        var firstAdmin = await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().FirstAdminIdAsync();
        if (firstAdmin is not null)
        {
            await app.Services.GetRequiredService<MemberService>().EnsureLeadsAsync(firstAdmin, CancellationToken.None);
        }
    }

    /// <summary>Serves the hand-written assets kept at the repository top under /assets.</summary>
    public static void UseHandWrittenAssets(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(folder),
            RequestPath = "/assets",
        });
    }
}
