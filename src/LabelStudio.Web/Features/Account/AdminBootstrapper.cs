using System.Security.Cryptography;
using LabelStudio.Core.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Features.Account;

/// <summary>Creates the roles and, on an empty database, the first admin account.</summary>
internal sealed partial class AdminBootstrapper(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    ILogger<AdminBootstrapper> logger)
{
    /// <summary>True when this start created the first account, i.e. the database was new.</summary>
    public async Task<bool> EnsureAdminAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
        if (users.Users.Any())
        {
            return false;
        }

        var email = options.Value.Email;
        var password = options.Value.Password;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
        }

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Admin" };
        Check(await users.CreateAsync(admin, password!));
        Check(await users.AddToRolesAsync(admin, [Roles.Admin, Roles.Lead]));
        LogAdminCreated(email);
        if (generated)
        {
            // Printed to the console once and never logged, so it does not end up in log files.
            Console.WriteLine($"First admin account: {email} / {password}  (set Admin__Password to choose it)");
        }
        return true;
    }

    /// <summary>The configured first admin while active, else any active admin.</summary>
    public async Task<string?> FirstAdminIdAsync()
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Where(a => a.DeactivatedAt is null).OrderBy(a => a.Email == options.Value.Email ? 0 : 1)
            .Select(a => a.Id).FirstOrDefault();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin account {Email}")]
    private partial void LogAdminCreated(string email);
}
