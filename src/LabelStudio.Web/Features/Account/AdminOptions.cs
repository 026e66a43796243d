namespace LabelStudio.Web.Features.Account;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string Email { get; set; } = "admin@example.com";

    /// <summary>When empty on first start, a random password is generated and printed once.</summary>
    public string? Password { get; set; }
}
