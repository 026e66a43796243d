using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace LabelStudio.Web.Features.Account;

internal static class IdentitySetup
{
    public static IServiceCollection AddLabelStudioIdentity(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthorization();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            // Signed in but not allowed: say so, rather than asking to log in again.
            options.AccessDeniedPath = "/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromDays(7);
            options.SlidingExpiration = true;
        });

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                // Length over composition rules: long passphrases are stronger and easier to remember.
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // A deactivated account or a reset password ends existing sessions within a minute; project
        // access is refused at once, because ProjectAccess reads the account on every check. Checking
        // the stamp on every request would re-issue the cookie on every response, and a response that
        // sets a cookie is marked no-store, so browsers could not even keep an image.
        services.Configure<SecurityStampValidatorOptions>(
            options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<AdminBootstrapper>();

        // Keys live beside the database so login cookies survive a restart.
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddDataProtection()
            .SetApplicationName("LabelStudio")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(storage.DataDirectory), "keys")));
        return services;
    }
}
