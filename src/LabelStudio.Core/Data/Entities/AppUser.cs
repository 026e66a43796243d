using Microsoft.AspNetCore.Identity;

namespace LabelStudio.Core.Data.Entities;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set when an admin deactivates the account: it can no longer log in and its sessions end.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
