using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Teams;
using LabelStudio.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Web.Features.Admin;

/// <summary>
/// What an admin does to accounts: create, invite, deactivate, reactivate and reset passwords. Each
/// operation runs in its own scope, so a page open for hours never holds a stale Identity context.
/// Invitations and resets are one-time links built on Identity's password-reset token, which dies
/// once used because setting the password changes the account's security stamp.
/// </summary>
public sealed partial class UserAdminService(
    IServiceScopeFactory scopes, ApiTokenService tokens, ILogger<UserAdminService> logger)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var accounts = await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>();
        foreach (var account in accounts)
        {
            var roles = await users.GetRolesAsync(account);
            rows.Add(new UserRow(
                account.Id,
                account.Email ?? "",
                account.DisplayName,
                Roles.All.FirstOrDefault(roles.Contains) ?? "",
                account.DeactivatedAt is null,
                account.PasswordHash is not null,
                account.LockoutEnd > DateTimeOffset.UtcNow && account.DeactivatedAt is null));
        }
        return rows;
    }

    /// <summary>Creates an account with the password the admin chose.</summary>
    public async Task CreateAsync(string email, string displayName, string role, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = NewUser(email, displayName);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, RoleOrThrow(role)));
        LogCreated(user.Email!, role);
    }

    /// <summary>Creates an account without a password and returns the one-time path that sets it.</summary>
    public async Task<string> InviteAsync(string email, string displayName, string role)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = NewUser(email, displayName);
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, RoleOrThrow(role)));
        LogInvited(user.Email!, role);
        return await SetPasswordLinkAsync(users, user);
    }

    /// <summary>A one-time path where the user chooses a new password; their current password stops working.</summary>
    public async Task<string> ResetPasswordAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new TeamException("That account no longer exists.");
        if (user.PasswordHash is not null)
        {
            Check(await users.RemovePasswordAsync(user));
        }
        LogPasswordReset(user.Email!);
        return await SetPasswordLinkAsync(users, user);
    }

    /// <summary>Blocks logins and API tokens, and ends the account's sessions at their next request.</summary>
    public async Task SetActiveAsync(string userId, bool active, string actingUserId)
    {
        if (userId == actingUserId)
        {
            throw new TeamException("You cannot deactivate your own account.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new TeamException("That account no longer exists.");
        user.DeactivatedAt = active ? null : DateTimeOffset.UtcNow;
        user.LockoutEnabled = true;
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        tokens.ForgetUser(userId);
        LogActiveChanged(user.Email!, active);
    }

    /// <summary>Sets the password from an invitation or reset link; false when the link is used or wrong.</summary>
    public async Task<IdentityResult> RedeemAsync(string userId, string token, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.DeactivatedAt is not null)
        {
            return IdentityResult.Failed(new IdentityError { Description = InvalidLink });
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            LogRedeemed(user.Email!);
        }
        return result;
    }

    public const string InvalidLink = "This link was already used or is not valid. Ask an admin for a new one.";

    private static UserManager<AppUser> Users(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

    private static AppUser NewUser(string email, string displayName) => new()
    {
        UserName = email.Trim(),
        Email = email.Trim(),
        DisplayName = displayName.Trim(),
    };

    private static async Task<string> SetPasswordLinkAsync(UserManager<AppUser> users, AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/invite?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    private static string RoleOrThrow(string role) =>
        Roles.All.Contains(role) ? role : throw new TeamException($"'{role}' is not a role.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new TeamException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {Email} created as {Role}")]
    private partial void LogCreated(string email, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {Email} invited as {Role}")]
    private partial void LogInvited(string email, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of {Email} reset; a one-time link was issued")]
    private partial void LogPasswordReset(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {Email} active: {Active}")]
    private partial void LogActiveChanged(string email, bool active);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {Email} set its password from a one-time link")]
    private partial void LogRedeemed(string email);
}
