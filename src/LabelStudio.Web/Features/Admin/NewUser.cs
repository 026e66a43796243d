using LabelStudio.Web.Features.Account;

namespace LabelStudio.Web.Features.Admin;

/// <summary>The new-user form; without a password the account is invited with a one-time link.</summary>
public sealed class NewUser
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Annotator;
    public string Password { get; set; } = "";
}
