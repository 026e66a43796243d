using Microsoft.AspNetCore.Identity;

namespace LabelStudio.Core.Data.Entities;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
